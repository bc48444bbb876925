import { describe, expect, it } from 'vitest'
import { toWire } from '$shared/wire.ts'
import { createHttpBridge } from './httpBridge.ts'

describe('the HTTP bridge', () => {
  it('posts each invoke as wire JSON to its channel and returns the answer, bytes included', async () => {
    const requests: [string, RequestInit | undefined][] = []
    const bridge = createHttpBridge({
      fetch: async (input, init) => {
        requests.push([String(input), init])
        return new Response(toWire({ ok: true, bytes: new Uint8Array([1, 2]) }))
      },
      openEvents: () => new EventTarget(),
    })
    expect(await bridge.invoke('file:importBytes', { name: 'a.mid', bytes: new Uint8Array([77]) })).toEqual({
      ok: true,
      bytes: new Uint8Array([1, 2]),
    })
    expect(requests).toEqual([
      [
        '/api/invoke/file%3AimportBytes',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"payload":{"name":"a.mid","bytes":{"$bytes":"TQ=="}}}' },
      ],
    ])
  })

  it('turns a refusal or a stopped server into an answer the UI can show', async () => {
    const refused = createHttpBridge({
      fetch: async () => new Response('Neural Piano refused this request: no token.', { status: 403 }),
      openEvents: () => new EventTarget(),
    })
    expect(await refused.invoke('app:info')).toEqual({
      ok: false,
      error: 'the Neural Piano server refused the request (403): Neural Piano refused this request: no token.',
    })
    const gone = createHttpBridge({
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
      openEvents: () => new EventTarget(),
    })
    expect(await gone.invoke('app:info')).toEqual({
      ok: false,
      error: 'the Neural Piano server does not answer: is "neural-piano studio" still running?',
    })
  })

  it('delivers each event’s payload to the listeners of its channel until they unsubscribe', () => {
    const source = new EventTarget()
    let opened = 0
    const bridge = createHttpBridge({ fetch: async () => new Response(''), openEvents: () => (opened++, source) })
    const got: unknown[] = []
    const stop = bridge.on('model:progress', (p) => got.push(p))
    bridge.on('menu:command', (c) => got.push(c))
    source.dispatchEvent(new MessageEvent('model:progress', { data: '{"requestId":"r","done":1,"total":2}' }))
    stop()
    source.dispatchEvent(new MessageEvent('model:progress', { data: '{"requestId":"r","done":2,"total":2}' }))
    source.dispatchEvent(new MessageEvent('menu:command', { data: '"file:save"' }))
    expect(got).toEqual([{ requestId: 'r', done: 1, total: 2 }, 'file:save'])
    expect(opened).toBe(1)
  })
})
