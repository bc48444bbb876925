import { describe, expect, it } from 'vitest'
import { describeGridLoss, gridLoss } from './gridLoss.ts'
import type { Note } from './types.ts'

const meter = { ppq: 480, timeSignatures: [{ ticks: 0, numerator: 4, denominator: 4 }] }
const note = (pitch: number, ticks: number, durationTicks: number): Note => ({ pitch, ticks, durationTicks, velocity: 80 })

describe('gridLoss', () => {
  it('merges nothing that sits on the grid', () => {
    const loss = gridLoss([note(60, 0, 240), note(64, 240, 480), note(67, 960, 960)], meter, { start: 0, end: 1 }, 2)
    expect(loss).toEqual({ notes: 3, merged: 0, step: 'eighth notes' })
    expect(describeGridLoss(loss)).toBeUndefined()
  })

  it('counts a key struck again right after itself, and sixteenths that share an eighth step', () => {
    const restruck = [note(60, 0, 480), note(60, 480, 480)] // two quarters on one key: one held note
    const sixteenths = [note(72, 960, 120), note(72, 1080, 120)] // a key twice within one eighth
    const loss = gridLoss([...restruck, ...sixteenths], meter, { start: 0, end: 1 }, 2)
    expect(loss.merged).toBe(2)
    expect(describeGridLoss(loss)).toBe('the model hears eighth notes: 2 of 4 notes were merged')
  })

  it('looks at the given bars only, and at a finer grid merges less', () => {
    const fast = Array.from({ length: 8 }, (_, i) => note(60 + (i % 2), 1920 + i * 120, 120))
    expect(gridLoss(fast, meter, { start: 0, end: 1 }, 2).notes).toBe(0)
    expect(gridLoss(fast, meter, { start: 1, end: 2 }, 2).merged).toBeGreaterThan(0)
    expect(gridLoss(fast, meter, { start: 1, end: 2 }, 4).merged).toBe(0)
  })
})
