import { readdirSync, readFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStudioProcess, type StudioProcess } from '../helpers/studioProcess.ts'
import { outDir } from '../helpers/appHarness.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { send } from '#fixtures/studioRequests.ts'

/**
 * The browser mode's server refuses what is not its own page, checked with plain HTTP requests against
 * the real `neural-piano studio` process (src/studio/access.test.ts covers each rule by itself).
 */
let studio: StudioProcess
let cookie: string
const asset = `/assets/${readdirSync(join(outDir, 'renderer', 'assets')).find((f) => f.endsWith('.js'))}`
const body = JSON.stringify({ payload: undefined })

beforeAll(async () => {
  studio = await startStudioProcess([
    '--port',
    '0',
    '--model',
    join(tempFolder('np-nomodel-'), 'none'),
    '--data-dir',
    tempFolder('np-studio-data-'),
  ])
  cookie = `neural-piano-${studio.port}=${studio.token}`
})
afterAll(async () => {
  await studio?.stop('SIGKILL')
})

describe('the studio server refuses requests that are not from its own page', () => {
  it('a request with no token or a wrong one, for the page, its files or the API', async () => {
    const wrong = `neural-piano-${studio.port}=${'0'.repeat(64)}`
    expect((await send(studio.port, '/')).status).toBe(403)
    expect((await send(studio.port, '/?token=guess')).status).toBe(403)
    expect((await send(studio.port, `/?token=${'0'.repeat(64)}`)).status).toBe(403)
    expect((await send(studio.port, asset)).status).toBe(403)
    expect((await send(studio.port, asset, { headers: { cookie: wrong } })).status).toBe(403)
    const api = await send(studio.port, '/api/invoke/app:info', {
      method: 'POST',
      headers: { cookie: wrong, origin: studio.origin, 'content-type': 'application/json' },
      body,
    })
    expect(api.status).toBe(403)
    expect(api.body).toBe('Neural Piano refused this request: wrong token. Open the address that "neural-piano studio" printed.\n')
    expect(studio.output()).toContain('[studio] refused POST /api/invoke/app:info: wrong token')
  })

  it('a foreign Host header (DNS rebinding), even with the right token', async () => {
    for (const host of ['attacker.example', `attacker.example:${studio.port}`, `127.0.0.1.nip.io:${studio.port}`]) {
      expect((await send(studio.port, `/?token=${studio.token}`, { headers: { host } })).status).toBe(403)
      expect((await send(studio.port, asset, { headers: { host, cookie } })).status).toBe(403)
    }
  })

  it('an API request from another origin or site, or one that names no origin', async () => {
    const invoke = (headers: Record<string, string>) =>
      send(studio.port, '/api/invoke/app:info', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body,
      })
    expect((await invoke({ origin: 'http://attacker.example' })).status).toBe(403)
    expect((await invoke({ origin: `http://127.0.0.1:${studio.port + 1}` })).status).toBe(403)
    expect((await invoke({})).status).toBe(403)
    expect((await invoke({ origin: studio.origin, 'sec-fetch-site': 'same-site' })).status).toBe(403)
    expect((await send(studio.port, '/api/events', { headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
    const own = await invoke({ origin: studio.origin, 'sec-fetch-site': 'same-origin' })
    expect(own.status).toBe(200)
    expect(JSON.parse(own.body)).toMatchObject({ ok: true, version: expect.any(String) })
  })

  it('lets its own page in: the token URL sets the cookie, and everything is served under the app’s CSP', async () => {
    const first = await send(studio.port, `/?token=${studio.token}`)
    expect(first.status).toBe(200)
    expect(first.headers['set-cookie']).toEqual([`${cookie}; Path=/; HttpOnly; SameSite=Strict`])
    const page = await send(studio.port, '/', { headers: { cookie } })
    expect(page.body).toBe(readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8'))
    const meta = /content="(default-src[^"]+)"/.exec(page.body)?.[1]
    expect(page.headers['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`)
    expect(page.headers['content-security-policy']).toContain("worker-src 'self' blob:")
    expect((await send(studio.port, asset, { headers: { cookie } })).status).toBe(200)
    expect((await send(studio.port, '/../package.json', { headers: { cookie } })).status).toBe(404)
  })

  it('listens on the loopback interface only', async (context) => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)
    if (!external) {
      console.log('skipped: this machine has no network interface besides loopback to try')
      return context.skip()
    }
    const refused = await new Promise<boolean>((done) => {
      const socket = connect(studio.port, external.address)
      socket.once('connect', () => done(socket.destroy() && false))
      socket.once('error', () => done(true))
    })
    expect(refused).toBe(true)
  })
})

describe('a second studio', () => {
  it('on a busy port takes the next free one and says so, and SIGTERM stops it cleanly', async () => {
    const second = await startStudioProcess([
      '--port',
      String(studio.port),
      '--model',
      join(tempFolder('np-nomodel-'), 'none'),
      '--data-dir',
      tempFolder('np-studio-data-'),
    ])
    try {
      expect(second.port).toBeGreaterThan(studio.port)
      expect(second.output()).toContain(`port ${studio.port} is busy, using ${second.port}`)
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0)
    }
  })
})
