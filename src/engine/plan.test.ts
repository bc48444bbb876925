import { describe, expect, it } from 'vitest'
import { ContinuationError, framesToCandidate, planContinuation, transposeFrames } from './plan.ts'
import { cMajorPrimer, continueRequest, transposeNotes } from '#fixtures/primers.ts'

describe('planContinuation', () => {
  it('writes right after the selection, on the model grid, in the song time signature', () => {
    const plan = planContinuation(
      continueRequest({ barsToWrite: 3, timeSignatures: [{ ticks: 0, numerator: 3, denominator: 4 }], selection: { start: 1, end: 3 } }),
      2,
    )
    expect(plan.startTick).toBe(3 * 1440)
    expect(plan.endTick).toBe(6 * 1440)
    expect(plan.stepsToWrite).toBe(3 * 3 * 2) // 3 bars of 3 quarters at 2 steps per quarter
    expect(plan.primer).toHaveLength(2 * 3 * 2)
  })

  it('includes the context bars before the selection in the primer', () => {
    const plan = planContinuation(continueRequest({ selection: { start: 2, end: 4 }, contextBars: 2 }), 2)
    expect(plan.primer).toHaveLength(4 * 4 * 2)
    expect(planContinuation(continueRequest({ selection: { start: 2, end: 4 }, contextBars: 16 }), 2).primer).toHaveLength(32)
  })

  it('moves the primer from its key to C and the written notes back', () => {
    const inD = planContinuation(continueRequest({ notes: transposeNotes(cMajorPrimer(), 2) }), 2)
    expect(inD.key).toMatchObject({ name: 'D major', transpose: -2 })
    const inC = planContinuation(continueRequest(), 2)
    expect(inD.primer).toEqual(inC.primer)
    const candidate = framesToCandidate([[60 - 21]], inD)
    expect(candidate.notes).toEqual([{ pitch: 62, ticks: 4 * 1920, durationTicks: 240, velocity: expect.any(Number) }])
  })

  it('keeps written notes inside the pitch range, counted in the song key', () => {
    const plan = planContinuation(continueRequest({ notes: transposeNotes(cMajorPrimer(), 2), pitchRange: { low: 60, high: 72 } }), 2)
    const allowedPitches = plan.allowedKeys.flatMap((ok, key) => (ok ? [key + 21 - plan.transpose] : []))
    expect(allowedPitches[0]).toBe(60)
    expect(allowedPitches.at(-1)).toBe(72)
    expect(allowedPitches).toHaveLength(13)
  })

  it('gives written notes the mean velocity of the selection', () => {
    const plan = planContinuation(continueRequest({ notes: cMajorPrimer().map((n) => ({ ...n, velocity: 50 })) }), 2)
    expect(plan.velocity).toBe(50)
  })

  it('refuses a selection without piano notes, in plain words', () => {
    expect(() => planContinuation(continueRequest({ notes: [] }), 2)).toThrow(ContinuationError)
    expect(() => planContinuation(continueRequest({ selection: { start: 6, end: 8 } }), 2)).toThrow(
      'the selected bars hold no piano notes to continue',
    )
    expect(() => planContinuation(continueRequest({ notes: [{ pitch: 10, ticks: 0, durationTicks: 100, velocity: 80 }] }), 2)).toThrow(
      ContinuationError,
    )
  })
})

describe('transposeFrames', () => {
  it('shifts keys and drops those that leave the keyboard', () => {
    expect(transposeFrames([[0, 40, 87]], 1)).toEqual([[1, 41]])
    expect(transposeFrames([[0, 40, 87]], -1)).toEqual([[39, 86]])
  })
})
