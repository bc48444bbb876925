import { describe, expect, it } from 'vitest'
import { defaultDataDir } from './dataDir.ts'
import { openerFor, redirectPage } from './openBrowser.ts'

describe('defaultDataDir', () => {
  it('follows each platform’s place for application data, and NEURAL_PIANO_DATA overrides it', () => {
    expect(defaultDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.local/share/neural-piano')
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ann')).toBe('/data/neural-piano')
    expect(defaultDataDir({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/neural-piano')
    expect(defaultDataDir({ APPDATA: 'C:/Users/ann/AppData/Roaming' }, 'win32', 'C:/Users/ann')).toMatch(/Roaming[\\/]neural-piano$/)
    expect(defaultDataDir({ NEURAL_PIANO_DATA: '/tmp/np' }, 'linux', '/home/ann')).toBe('/tmp/np')
  })
})

describe('opening the browser', () => {
  it('uses the platform’s opener', () => {
    expect(openerFor('linux').command).toBe('xdg-open')
    expect(openerFor('darwin').command).toBe('open')
    expect(openerFor('win32').args('C:\\My Music\\x.html')).toEqual(['/c', 'start', '""', '"C:\\My Music\\x.html"'])
  })

  it('hands it a redirect page, so the token is on no command line', () => {
    const page = redirectPage('http://127.0.0.1:8765/?token=ab&x="<')
    expect(page).toContain('content="0;url=http://127.0.0.1:8765/?token=ab&amp;x=&quot;&lt;"')
    expect(page).not.toContain('x="<')
  })
})
