import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Server } from 'node:http'
import { tempFolder } from '#fixtures/tempFolders.ts'
import type { Dispatch } from '../services/dispatch.ts'
import { fromWire, toWire } from '../shared/wire.ts'
import { tokenCookieName } from './access.ts'
import { EventHub } from './eventHub.ts'
import { listenOnLoopback } from './listen.ts'
import { createStudioServer } from './server.ts'
import { readEvents, send } from '#fixtures/studioRequests.ts'
import { newToken } from './token.ts'

const rendererDir = tempFolder('np-renderer-')
writeFileSync(join(rendererDir, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="default-src 'self'"><p>the app</p>`)
const token = newToken()
const calls: [string, unknown][] = []
const dispatch: Dispatch = async (channel, payload) => {
  calls.push([channel, payload])
  if (channel === 'file:importBytes')
    return { ok: true, canceled: true, received: (payload as { bytes: Uint8Array }).bytes.length } as never
  return { ok: false, error: `unknown channel "${channel}"` }
}
let server: Server
let port: number
let events: EventHub
let api: Record<string, string>

beforeAll(async () => {
  events = new EventHub((greet) => greet('model:status', { state: 'loading' }))
  server = await createStudioServer({ rendererDir, token, dispatch, events, maxBodyBytes: 4096, log: () => {} })
  port = (await listenOnLoopback(server, 0)).port
  api = { cookie: `${tokenCookieName(port)}=${token}`, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' }
})
afterAll(async () => {
  events.close()
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
})

describe('the browser mode server', () => {
  it('answers the token URL with the cookie and a hop to "/", then serves the page under the CSP', async () => {
    const first = await send(port, `/?token=${token}`)
    expect(first.status).toBe(200)
    expect(first.headers['set-cookie']).toEqual([`${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`])
    expect(first.body).toContain('<meta http-equiv="refresh" content="0;url=/">')
    const page = await send(port, '/', { headers: { cookie: api.cookie ?? '' } })
    expect(page).toMatchObject({ status: 200, body: expect.stringContaining('the app') })
    expect(page.headers['content-security-policy']).toBe("default-src 'self'; frame-ancestors 'none'")
    expect(page.headers['cache-control']).toBe('no-store')
    expect((await send(port, '/missing.js', { headers: { cookie: api.cookie ?? '' } })).status).toBe(404)
  })

  it('passes an invoke, bytes included, to the dispatch and returns its answer as it is', async () => {
    const body = toWire({ payload: { name: 'a.mid', bytes: new Uint8Array([77, 84, 104, 100]) } })
    const answer = await send(port, '/api/invoke/file%3AimportBytes', { method: 'POST', headers: api, body })
    expect(answer.status).toBe(200)
    expect(fromWire(answer.body)).toEqual({ ok: true, canceled: true, received: 4 })
    expect(calls.at(-1)?.[1]).toEqual({ name: 'a.mid', bytes: new Uint8Array([77, 84, 104, 100]) })
    const unknown = await send(port, '/api/invoke/fs:write', { method: 'POST', headers: api, body: toWire({ payload: '/etc/passwd' }) })
    expect(fromWire(unknown.body)).toEqual({ ok: false, error: 'unknown channel "fs:write"' })
  })

  it('refuses bodies over the limit, text that is not JSON, and other content types before dispatching', async () => {
    const before = calls.length
    expect((await send(port, '/api/invoke/app:info', { method: 'POST', headers: api, body: 'x'.repeat(5000) })).status).toBe(413)
    expect((await send(port, '/api/invoke/app:info', { method: 'POST', headers: api, body: '{"payload":' })).status).toBe(400)
    expect(
      (await send(port, '/api/invoke/app:info', { method: 'POST', headers: { ...api, 'content-type': 'text/plain' }, body: '{}' })).status,
    ).toBe(415)
    expect((await send(port, '/api/invoke/app:info', { headers: api })).status).toBe(404)
    expect(calls.length).toBe(before)
  })

  it('refuses every route without the token, from a foreign Host or from another origin', async () => {
    const before = calls.length
    const body = toWire({ payload: undefined })
    expect((await send(port, '/api/invoke/app:info', { method: 'POST', headers: { ...api, cookie: '' }, body })).status).toBe(403)
    expect((await send(port, '/api/invoke/app:info', { method: 'POST', headers: { ...api, host: 'attacker.example' }, body })).status).toBe(
      403,
    )
    expect(
      (await send(port, '/api/invoke/app:info', { method: 'POST', headers: { ...api, origin: 'http://attacker.example' }, body })).status,
    ).toBe(403)
    expect((await send(port, '/assets/index.js')).status).toBe(403)
    expect((await readEvents(port, { cookie: api.cookie ?? '', origin: 'http://attacker.example' }, () => true)).status).toBe(403)
    expect(calls.length).toBe(before)
  })

  it('streams events: the greeting first, then every broadcast', async () => {
    const stream = readEvents(port, { cookie: api.cookie ?? '' }, (text) => text.includes('model:progress'))
    await until(() => events.size === 1)
    events.broadcast('model:progress', { requestId: 'r1', done: 3, total: 8 })
    const { text, close } = await stream
    close()
    expect(text).toBe(
      'retry: 2000\n\nevent: model:status\ndata: {"state":"loading"}\n\nevent: model:progress\ndata: {"requestId":"r1","done":3,"total":8}\n\n',
    )
  })
})

describe('listenOnLoopback', () => {
  it('takes the next port when the first is busy, and says which were busy', async () => {
    const other = await createStudioServer({ rendererDir, token, dispatch, events, log: () => {} })
    const listening = await listenOnLoopback(other, port)
    try {
      expect(listening.busy[0]).toBe(port)
      expect(listening.port).toBe(port + listening.busy.length)
      expect(other.address()).toMatchObject({ address: '127.0.0.1' })
    } finally {
      await new Promise((done) => other.close(done))
    }
  })
})

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
}
