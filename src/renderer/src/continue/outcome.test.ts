import { describe, expect, it } from 'vitest'
import { candidatesOf, failureMessage, modelProblem } from './outcome.ts'
import type { ContinueResponse } from '$shared/ipc/continue.ts'

describe('Continue outcomes in plain words', () => {
  it('says why the model cannot run', () => {
    expect(modelProblem({ state: 'loading' })).toMatch(/still loading/)
    expect(modelProblem({ state: 'error', error: 'no model folder at /x' })).toBe(
      'No model is available (no model folder at /x). Everything else keeps working.',
    )
    expect(modelProblem({ state: 'ready', backend: { active: 'wasm', tfBackend: 'wasm', skipped: [] } })).toBeUndefined()
  })

  it('tells a cancel from a failure', () => {
    expect(failureMessage('the generation was cancelled')).toBe('Cancelled. Nothing was changed.')
    expect(failureMessage('invalid model:continue request: selection: select at most 64 bars')).toMatch(/^Continue did not work: invalid/)
  })

  it('numbers the candidates of an answer and sums it up', () => {
    const answer: ContinueResponse = {
      requestId: 'r',
      candidates: [{ notes: [{ pitch: 60, ticks: 1920, durationTicks: 240, velocity: 80 }] }, { notes: [] }],
      startTick: 1920,
      endTick: 3840,
      key: { name: 'A minor', tonic: 9, mode: 'minor', transpose: 3, chosenBy: 'auto' },
      elapsedMs: 1234,
    }
    const { entries, summary } = candidatesOf(answer, 2, 77, 0.9)
    expect(entries.map((e) => [e.batch, e.variation, e.seed, e.temperature, e.startTick, e.endTick])).toEqual([
      [2, 1, 77, 0.9, 1920, 3840],
      [2, 2, 77, 0.9, 1920, 3840],
    ])
    expect(summary).toBe('Written in 1.2 s, in A minor (by a key profile and the model, moved up 3 semitones) · 1 of 2 silent')
  })
})
