import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { estimateKey, transpositionToC } from './key.ts'
import type { Note } from './types.ts'

const melody = (pitches: number[], lengths: number[] = []): Note[] =>
  pitches.map((pitch, i) => ({ pitch, ticks: i * 480, durationTicks: lengths[i] ?? 480, velocity: 80 }))
// Tonic held longer, as cadences do: the estimate is duration-weighted.
const C_MAJOR = melody(
  [60, 62, 64, 65, 67, 69, 71, 72, 67, 64, 60],
  [1, 1, 1, 1, 2, 1, 1, 2, 1, 1, 4].map((x) => x * 480),
)
const A_MINOR = melody(
  [57, 59, 60, 62, 64, 65, 68, 69, 64, 60, 57],
  [2, 1, 1, 1, 2, 1, 1, 2, 1, 1, 4].map((x) => x * 480),
)

describe('estimateKey', () => {
  it('finds C major and A minor', () => {
    expect(estimateKey(C_MAJOR)).toMatchObject({ tonic: 0, mode: 'major', name: 'C major', transposeToC: 0 })
    expect(estimateKey(A_MINOR)).toMatchObject({ tonic: 9, mode: 'minor', name: 'A minor', transposeToC: 3 })
  })

  it('follows transposition, and the shift to C is the nearest (-5..+6)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -12, max: 12 }), (shift) => {
        const key = estimateKey(C_MAJOR.map((n) => ({ ...n, pitch: n.pitch + shift })))!
        expect(key.tonic).toBe(((shift % 12) + 12) % 12)
        expect(key.transposeToC).toBeGreaterThanOrEqual(-5)
        expect(key.transposeToC).toBeLessThanOrEqual(6)
        expect((key.tonic + key.transposeToC + 12) % 12).toBe(0)
      }),
      { numRuns: 50 },
    )
    expect([0, 5, 6, 7, 11].map(transpositionToC)).toEqual([0, -5, 6, 5, 1])
  })

  it('returns null when the notes state no key', () => {
    expect(estimateKey([])).toBeNull()
    expect(estimateKey(melody([60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71]))).toBeNull()
  })
})
