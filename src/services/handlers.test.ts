import { describe, expect, it } from 'vitest'
import { createHandlers, type Handlers } from './handlers.ts'
import { createDispatch } from './dispatch.ts'
import type { ModelHost } from '../engine/host.ts'

const readyModel = { status: { state: 'ready', backend: { active: 'cpu', tfBackend: 'cpu', skipped: [] } } } as unknown as ModelHost

describe('IPC dispatch', () => {
  const dispatch = createDispatch(createHandlers({ model: readyModel, notify: () => {} }), () => {})

  it('answers app:info with the version, platform and model status', async () => {
    await expect(dispatch('app:info', undefined)).resolves.toEqual({
      ok: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      platform: process.platform,
      model: readyModel.status,
    })
  })

  it('rejects payloads that do not match the schema, naming the channel', async () => {
    for (const payload of [null, 0, 'x', [], { extra: true }, Number.NaN]) {
      const answer = await dispatch('app:info', payload)
      expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^invalid app:info request: /) })
    }
  })

  it('answers a payload too broken for the schema to list its problems (zod overflows on ~300,000 bad elements)', async () => {
    const song = {
      name: '',
      ppq: 480,
      tempos: [],
      timeSignatures: [],
      keySignatures: [],
      texts: [],
      tracks: [
        { name: '', channel: 0, instrument: 0, isDrum: false, notes: [], controlChanges: [], pitchBends: new Array(300_000).fill(60) },
      ],
    }
    await expect(dispatch('autosave:write', { song })).resolves.toEqual({
      ok: false,
      error: expect.stringMatching(/^invalid autosave:write request: /),
    })
  })

  it('rejects unknown channels, including inherited property names', async () => {
    for (const channel of ['nope', '__proto__', 'constructor', 'toString']) {
      await expect(dispatch(channel, undefined)).resolves.toEqual({ ok: false, error: `unknown channel "${channel}"` })
    }
  })

  it('turns a failing handler into an error answer and logs it', async () => {
    const logged: string[] = []
    const failing: Handlers = {
      ...createHandlers({ model: readyModel, notify: () => {} }),
      'app:info': async () => {
        throw new Error('disk on fire')
      },
    }
    const failingDispatch = createDispatch(failing, (message) => logged.push(message))
    await expect(failingDispatch('app:info', undefined)).resolves.toEqual({ ok: false, error: 'disk on fire' })
    expect(logged[0]).toContain('app:info failed')
  })
})
