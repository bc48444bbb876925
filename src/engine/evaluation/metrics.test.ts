import { describe, expect, it } from 'vitest'
import {
  frameF1,
  frameNotes,
  hasSemitoneClash,
  keyRange,
  mainPitchClasses,
  pitchClassCosine,
  pitchClassFrames,
  polyphonyByBar,
  topVoiceMoves,
} from './metrics.ts'
import { scoreContinuation, summarizeMusic } from './scoreMusic.ts'
import { randomNotes, repeatLastBars } from './baselines.ts'

// Key 39 is middle C (MIDI 60); key 3 is a C.
const C4 = 39
const E4 = 43
const G4 = 46

describe('frame metrics', () => {
  it('reads notes as runs of a held key', () => {
    expect(frameNotes([[C4], [C4, E4], [E4], [], [C4]])).toEqual([
      { key: C4, start: 0, length: 2 },
      { key: E4, start: 1, length: 2 },
      { key: C4, start: 4, length: 1 },
    ])
  })

  it('gives the mean keys per frame of each bar', () => {
    expect(polyphonyByBar([[1, 2], [1], [], [1, 2, 3], [5]], 2)).toEqual([1.5, 1.5, 1])
  })

  it('weighs pitch classes by how long they sound, C first', () => {
    expect(pitchClassFrames([[C4, E4], [C4 + 12]])).toEqual([2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    expect(pitchClassCosine([[C4]], [[C4 + 24]])).toBeCloseTo(1)
    expect(pitchClassCosine([[C4]], [[E4]])).toBe(0)
    expect(pitchClassCosine([[C4, E4]], [[C4]])).toBeCloseTo(Math.SQRT1_2)
    expect(pitchClassCosine([], [[C4]])).toBe(0)
  })

  it('scores frame F1 over sounding (frame, key) pairs', () => {
    expect(frameF1([[C4], [C4]], [[C4], [C4]])).toBe(1)
    // 1 hit, 2 written, 2 real: 2*1/(2+2)
    expect(frameF1([[C4], [E4]], [[C4], [G4]])).toBe(0.5)
    expect(frameF1([[]], [[]])).toBe(1)
    expect(frameF1([[C4]], [[]])).toBe(0)
  })

  it('takes the 7 longest-sounding pitch classes as the key', () => {
    const cMajorScale = [0, 2, 4, 5, 7, 9, 11].map((pc) => [C4 + pc])
    const withChromatic = [...cMajorScale, ...cMajorScale, [C4 + 1]]
    expect([...mainPitchClasses(withChromatic)].sort((a, b) => a - b)).toEqual([0, 2, 4, 5, 7, 9, 11])
  })

  it('finds two keys a semitone apart, not a minor ninth', () => {
    expect(hasSemitoneClash([C4, C4 + 1])).toBe(true)
    expect(hasSemitoneClash([C4, E4, G4])).toBe(false)
    expect(hasSemitoneClash([C4, C4 + 13])).toBe(false)
  })

  it('follows the top voice across rests, counting steps and leaps wider than a fifth', () => {
    // C4 -> D4 (step) -> rest -> A4 (leap of 7: a fifth, not wider) -> C3 under nothing (leap of 21)
    expect(topVoiceMoves([[C4], [C4 + 2], [], [C4 + 9], [C4 - 12]])).toEqual({ moves: 3, steps: 1, leaps: 1 })
    expect(topVoiceMoves([[C4 + 8]], C4)).toEqual({ moves: 1, steps: 0, leaps: 1 })
    expect(
      topVoiceMoves([
        [C4, G4],
        [E4, G4],
      ]),
    ).toEqual({ moves: 0, steps: 0, leaps: 0 })
  })

  it('finds the key range', () => {
    expect(keyRange([[5, 9], [], [2]])).toEqual({ low: 2, high: 9 })
    expect(keyRange([[]])).toBeUndefined()
  })
})

describe('scoreContinuation and summarizeMusic', () => {
  const primer = [[C4, E4, G4], [C4, E4, G4], [G4 + 2], [G4]]
  it('counts one continuation against the real bars and its primer', () => {
    const written = [[C4, C4 + 1], [C4], [C4], [C4 + 30]]
    const real = [[C4], [C4], [E4], [E4]]
    const counts = scoreContinuation(written, real, primer, 2, 12)
    expect(counts).toMatchObject({
      notes: 3, // C#4 once, C4 for three frames, the high note
      realNotes: 2,
      soundingFrames: 4,
      clashFrames: 1,
      inKeyNotes: 1, // the primer's pitch classes are C, E, G, A: C4 only
      outsideRangeNotes: 1,
      heldThroughoutNotes: 0,
      topMoves: 3, // from G4 (the primer's last top) to C#4 (6 semitones), to C4, to the high F#6
      topSteps: 1,
      topLeaps: 1,
      polyphony: [1.5, 1],
      ms: 12,
    })
    expect(counts.f1).toBeCloseTo((2 * 2) / (5 + 4))
  })

  it('pools counts as ratios of sums and scores as means', () => {
    const held = scoreContinuation([[C4], [C4]], [[C4], [E4]], primer, 2)
    const silent = scoreContinuation([[], []], [[C4], [C4]], primer, 2)
    expect(held.heldThroughoutNotes).toBe(1)
    const summary = summarizeMusic([held, silent])
    expect(summary.densityRatio).toBeCloseTo(1 / 3)
    expect(summary.heldThroughoutShare).toBe(1)
    expect(summary.f1).toBeCloseTo((0.5 + 0) / 2)
    expect(summary.polyphony).toEqual([0.5])
    expect(summary.clashShare).toBe(0)
  })
})

describe('baselines', () => {
  it('repeats the primer tail, looped when the primer is shorter', () => {
    expect(repeatLastBars([[1], [2], [3], [4]], 2)).toEqual([[3], [4]])
    expect(repeatLastBars([[1], [2]], 5)).toEqual([[1], [2], [1], [2], [1]])
    expect(repeatLastBars([], 2)).toEqual([[], []])
  })

  it('draws random notes with about the primer amount, inside its range, the same for a seed', () => {
    const primer = Array.from({ length: 64 }, (_, step) => (step % 2 === 0 ? [C4, G4] : []))
    const random = randomNotes(primer, 64, 3)
    expect(randomNotes(primer, 64, 3)).toEqual(random)
    expect(randomNotes(primer, 64, 4)).not.toEqual(random)
    const keys = random.flat()
    expect(Math.min(...keys)).toBeGreaterThanOrEqual(C4)
    expect(Math.max(...keys)).toBeLessThanOrEqual(G4)
    // 64 notes asked for; a few land on a key already sounding there and merge.
    expect(frameNotes(random).length).toBeGreaterThan(40)
    expect(frameNotes(random).length).toBeLessThanOrEqual(64)
    expect(randomNotes([[], []], 4, 1)).toEqual([[], [], [], []])
  })
})
