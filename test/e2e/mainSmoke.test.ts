import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { invokeChannels } from '../../src/shared/ipc/index.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

/** Loads out/main/index.js under plain Node with a stand-in 'electron' and reads what it recorded. */
function runMainBundle(): Record<string, any> {
  const report = join(tempFolder('np-smoke-'), 'report.json')
  execFileSync(process.execPath, ['--import', resolve('test/helpers/electronStub/register.mjs'), resolve('out/main/index.js')], {
    env: { ...process.env, ELECTRON_STUB_REPORT: report },
    timeout: 60_000,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return JSON.parse(readFileSync(report, 'utf8'))
}

describe('the built main bundle under a stand-in Electron', () => {
  const report = runMainBundle()

  it('creates one hidden window, shown when ready, with the secure web preferences', () => {
    expect(report.error).toBeUndefined()
    expect(report.windowCount).toBe(1)
    expect(report.show).toBe(false)
    expect(report.hasReadyToShow).toBe(true)
    expect(report.sandboxEnabled).toBe(true)
    expect(report.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(report.webPreferences.preload).toBe(resolve('out/preload/index.cjs'))
    expect(report.loaded.file).toBe(resolve('out/renderer/index.html'))
  })

  it('registers a handler for every channel, and only those', () => {
    expect(report.channels).toEqual([...invokeChannels].sort())
  })

  it('answers the app page, refuses other senders and bad payloads without crashing', () => {
    expect(report.trusted).toMatchObject({ ok: true, version: expect.any(String) })
    expect(report.badPayload).toEqual({ ok: false, error: expect.stringMatching(/^invalid app:info request/) })
    expect(report.untrustedOrigin).toEqual({ ok: false, error: expect.stringMatching(/untrusted sender/) })
    expect(report.subframe).toEqual({ ok: false, error: expect.stringMatching(/untrusted sender/) })
  })

  it('answers file channels through the dialogs, titles the window and asks before closing unsaved work', () => {
    expect(report.fileOpenCanceled).toEqual({ ok: true, canceled: true })
    expect(report.pathRefused).toEqual({ ok: false, error: expect.stringMatching(/^invalid file:save request/) })
    expect(report.initialTitle).toBe('Untitled — Neural Piano')
    expect(report.state).toEqual({ ok: true, title: 'Sketch • — Neural Piano' })
    expect(report.dirtyTitle).toBe('Sketch • — Neural Piano')
    expect(report.documentEdited).toBe(true)
    expect(report.closePrevented).toBe(true)
    // The stand-in user chose Cancel, so the window stays open.
    expect(report.closeCalls).toBe(0)
    expect(report.dialogsShown).toEqual(['open', 'message'])
  })

  it('on macOS, goes on quitting once unsaved work is dealt with, and not after Cancel', () => {
    expect(report.quitAfterCancel).toBe(0)
    expect(report.quitAfterSaved).toBe(1)
  })

  it('denies permissions, new windows, webviews and navigation away from the app', () => {
    expect(report.permissionGranted).toBe(false)
    expect(report.permissionCheck).toBe(false)
    expect(report.windowOpen).toEqual({ action: 'deny' })
    expect(report.webviewPrevented).toBe(true)
    expect(report.navigationToRemotePrevented).toBe(true)
    expect(report.navigationToAppPrevented).toBe(false)
  })

  it('installs the File, Edit and View menus', () => {
    expect(report.menuLabels).toEqual(expect.arrayContaining(['File', 'Edit', 'View']))
  })
})
