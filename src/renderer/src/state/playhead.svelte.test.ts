import { describe, expect, it } from 'vitest'
import { Workspace } from './workspace.svelte.ts'
import { KEYBOARD_WIDTH } from '../pianoroll/transform.ts'
import type { ModelStatus } from '$shared/ipc/app.ts'

const ready: ModelStatus = { state: 'ready', backend: { active: 'wasm', tfBackend: 'wasm', skipped: [] } }
const api = {
  continue: () => new Promise<never>(() => undefined),
  cancelContinue: async () => ({ ok: true as const, cancelled: true }),
  onContinueProgress: () => () => undefined,
}

describe('the playhead (playback and recording move it)', () => {
  it('with Follow on, the roll pages along when the playhead passes the right edge', () => {
    const ws = new Workspace(api, () => ready)
    ws.viewport.resize(1000, 500)
    const inView = ws.viewport.transform.xToTick(600)
    ws.showPlayhead(inView)
    expect([ws.playheadTick, ws.viewport.view.scrollTick]).toEqual([inView, 0])
    const past = ws.viewport.transform.xToTick(1100)
    ws.showPlayhead(past)
    expect(ws.viewport.transform.tickToX(past)).toBeCloseTo(KEYBOARD_WIDTH + 40)
  })

  it('with Follow off, the view stays; undefined hides the playhead', () => {
    const ws = new Workspace(api, () => ready)
    ws.viewport.resize(1000, 500)
    ws.setFollow(false)
    ws.showPlayhead(ws.viewport.transform.xToTick(1500))
    expect(ws.viewport.view.scrollTick).toBe(0)
    ws.showPlayhead(undefined)
    expect(ws.playheadTick).toBeUndefined()
  })
})
