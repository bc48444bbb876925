import { describe, expect, it } from 'vitest'
import { isAppUrl, isPermissionAllowed } from './security.ts'

describe('isAppUrl', () => {
  const fileApp = 'file:///opt/Neural%20Piano/resources/app/out/renderer/index.html'
  it('accepts the app page itself, with or without a hash or query', () => {
    expect(isAppUrl(fileApp, fileApp)).toBe(true)
    expect(isAppUrl(`${fileApp}#bars=1-4`, fileApp)).toBe(true)
  })
  it('refuses other files, other schemes and junk', () => {
    expect(isAppUrl('file:///etc/passwd', fileApp)).toBe(false)
    expect(isAppUrl('https://example.com/index.html', fileApp)).toBe(false)
    expect(isAppUrl('not a url', fileApp)).toBe(false)
    expect(isAppUrl('', fileApp)).toBe(false)
  })
  it('grants MIDI to the app page in the main frame and nothing else: not sysex, not another page or a subframe', () => {
    const page = { requestingUrl: fileApp, isMainFrame: true }
    expect(isPermissionAllowed('midi', page, fileApp)).toBe(true)
    for (const other of ['midiSysex', 'media', 'notifications', 'geolocation', 'clipboard-read', 'hid', 'serial', 'usb', 'openExternal']) {
      expect(isPermissionAllowed(other, page, fileApp)).toBe(false)
    }
    expect(isPermissionAllowed('midi', { requestingUrl: 'https://example.com/', isMainFrame: true }, fileApp)).toBe(false)
    expect(isPermissionAllowed('midi', { requestingUrl: fileApp, isMainFrame: false }, fileApp)).toBe(false)
    expect(isPermissionAllowed('midi', { isMainFrame: true }, fileApp)).toBe(false)
  })
  it('in development, accepts only the dev server origin', () => {
    const dev = 'http://localhost:5173/'
    expect(isAppUrl('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://evil.localhost:5173/', dev)).toBe(false)
  })
})
