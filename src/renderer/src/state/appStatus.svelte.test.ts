import { describe, expect, it } from 'vitest'
import { AppStatus } from './appStatus.svelte.ts'
import type { ModelStatus } from '$shared/ipc/app.ts'

const ready: ModelStatus = { state: 'ready', backend: { active: 'wasm', tfBackend: 'wasm', skipped: [] } }
type InfoAnswer = Awaited<ReturnType<Window['api']['info']>>

/** A stand-in for main: answers app:info when told to, and sends model status events. */
function fakeMain() {
  let listener: ((status: ModelStatus) => void) | undefined
  let answer!: (value: InfoAnswer) => void
  let fail!: (error: Error) => void
  const api = {
    info: () => new Promise<InfoAnswer>((resolve, reject) => ((answer = resolve), (fail = reject))),
    onModelStatus: (l: (status: ModelStatus) => void) => {
      listener = l
      return () => (listener = undefined)
    },
  }
  return { api, answer: (value: InfoAnswer) => answer(value), fail: (error: Error) => fail(error), send: (s: ModelStatus) => listener?.(s) }
}

const info = (model: ModelStatus): InfoAnswer => ({ ok: true, version: '1.2.3', platform: 'linux', model })

describe('AppStatus', () => {
  it('shows the version and the model state from app:info, then follows status events until torn down', async () => {
    const main = fakeMain()
    const status = new AppStatus()
    const stop = status.connect(main.api)
    expect([status.version, status.model.state]).toEqual([undefined, 'loading'])
    main.answer(info({ state: 'loading' }))
    await Promise.resolve()
    expect(status.version).toBe('1.2.3')
    main.send(ready)
    expect(status.model).toEqual(ready)
    stop()
    main.send({ state: 'error', error: 'gone' })
    expect(status.model).toEqual(ready)
  })

  it('keeps a newer state an event brought before the answer', async () => {
    const main = fakeMain()
    const status = new AppStatus()
    status.connect(main.api)
    main.send(ready)
    main.answer(info({ state: 'loading' }))
    await Promise.resolve()
    expect(status.model).toEqual(ready)
  })

  it('says why main could not be asked, whether it answered with an error or the call failed', async () => {
    const refused = fakeMain()
    const a = new AppStatus()
    a.connect(refused.api)
    refused.answer({ ok: false, error: 'no app info' })
    const broken = fakeMain()
    const b = new AppStatus()
    b.connect(broken.api)
    broken.fail(new Error('IPC closed'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect([a.error, b.error]).toEqual(['no app info', 'IPC closed'])
  })
})
