import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scaleSong } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { fromWire, toWire } from '../shared/wire.ts'
import { tokenCookieName } from './access.ts'
import { startStudio } from './studio.ts'
import { readEvents, send } from '#fixtures/studioRequests.ts'

describe('startStudio', () => {
  it('serves the real handlers and events on loopback, and a clean close leaves no autosave and frees the port', async () => {
    const rendererDir = tempFolder('np-renderer-')
    writeFileSync(join(rendererDir, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`)
    const dataDir = join(tempFolder('np-data-'), 'not yet made')
    const studio = await startStudio({ rendererDir, dataDir, modelDir: join(dataDir, 'no model'), port: 0, log: () => {} })
    const closed = { done: false }
    try {
      expect(studio.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${studio.port}/\\?token=[0-9a-f]{64}$`))
      const token = new URL(studio.url).searchParams.get('token') ?? ''
      const headers = {
        cookie: `${tokenCookieName(studio.port)}=${token}`,
        origin: `http://127.0.0.1:${studio.port}`,
        'content-type': 'application/json',
      }
      const invoke = async (channel: string, payload?: unknown) =>
        fromWire((await send(studio.port, `/api/invoke/${channel}`, { method: 'POST', headers, body: toWire({ payload }) })).body)
      expect(await invoke('app:info')).toMatchObject({ ok: true, version: expect.any(String) })
      expect(await invoke('model:cancel', { requestId: '../../x' })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^invalid model:cancel request/),
      })
      expect(await invoke('document:state', { dirty: true, name: 'Sketch' })).toEqual({ ok: true, title: 'Sketch • — Neural Piano' })
      const stream = await readEvents(studio.port, { cookie: headers.cookie }, (text) => text.includes('document:changed'))
      stream.close()
      expect(stream.text).toContain('event: document:changed\ndata: {"title":"Sketch • — Neural Piano","name":"Sketch","dirty":true}')
      await invoke('document:state', { dirty: false })
      expect(await invoke('autosave:write', { song: scaleSong() })).toMatchObject({ ok: true })
      expect(existsSync(join(dataDir, 'autosave.json'))).toBe(true)
      await studio.close()
      closed.done = true
      expect(existsSync(join(dataDir, 'autosave.json'))).toBe(false)
      await expect(send(studio.port, '/')).rejects.toThrow(/ECONNREFUSED/)
    } finally {
      if (!closed.done) await studio.close()
    }
  })
})
