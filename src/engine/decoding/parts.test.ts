import { describe, expect, it } from 'vitest'
import { KEYS } from '../../shared/music/index.ts'
import { continueRequest } from '#fixtures/primers.ts'
import { pitchClassBias } from './balance.ts'
import { densityError, densityOffsets, onsetsOf } from './density.ts'
import { decodingOf } from './fromRequest.ts'
import { bestShift, fitsC, keyOfShift, staysOnKeyboard } from './keyChoice.ts'
import { memoryBias, memoryLags, softmax } from './memory.ts'
import { DEFAULT_DECODING, FULL_MEMORY } from './options.ts'
import { framePenalty, pickByPenalty, semitonePairs } from './penalties.ts'
import { pitchClassOf, primerProfile, recentPitchClasses } from './profile.ts'

const C4 = 39 // key of middle C
const E4 = 43
const G4 = 46

describe('primer profile', () => {
  it('counts notes and keys per frame, the longest note and the range', () => {
    const profile = primerProfile([[C4, E4], [C4, E4], [C4, G4], []], 16)
    expect(profile).toMatchObject({ onsetsPerFrame: 3 / 4, keysPerFrame: 6 / 4, longestNote: 3, low: C4, high: G4 })
    expect(primerProfile([], 16)).toMatchObject({ low: 0, high: KEYS - 1, keysPerFrame: 0 })
  })

  it('weighs recent pitch classes more', () => {
    expect(pitchClassOf(C4)).toBe(0)
    const shares = recentPitchClasses([[C4], [E4]], 1)
    expect(shares[4]).toBeCloseTo(2 / 3) // E weighs 1, C half as much
    expect(shares[0]).toBeCloseTo(1 / 3)
    expect(recentPitchClasses([], 4)).toEqual(new Array(12).fill(1 / 12))
  })
})

describe('phrase memory', () => {
  it('looks back whole bars that the history reaches', () => {
    expect(memoryLags([1, 2, 4, 8], 8, 40)).toEqual([8, 16, 32])
    expect(memoryLags([1, 2], 6, 12)).toEqual([6, 12])
  })

  it('pushes the keys of the earlier frames by their weights', () => {
    const weights = softmax([Math.log(3), 0])
    expect(weights[0]).toBeCloseTo(0.75)
    const bias = memoryBias([[C4, E4], [C4]], weights, 4)
    expect(bias[C4]).toBeCloseTo(4)
    expect(bias[E4]).toBeCloseTo(3)
    expect(bias[G4]).toBe(0)
  })
})

describe('pitch-class balance', () => {
  it('pushes toward classes that sounded less than their share, away from the others, within limits', () => {
    const shares = new Array(12).fill(0)
    shares[0] = 0.5
    shares[4] = 0.5
    const counts = new Array(12).fill(0)
    counts[0] = 10 // C sounded ten times, E never
    const bias = pitchClassBias(shares, counts, 2, 1)
    expect(bias[E4]).toBeGreaterThan(0)
    expect(bias[C4]).toBeLessThan(0)
    expect(bias[C4 + 12]).toBe(bias[C4]) // every C alike
    expect(Math.max(...bias)).toBeLessThanOrEqual(3)
  })
})

describe('density control', () => {
  const profile = primerProfile([[C4], [C4, E4], [G4], [G4]], 16) // 3 notes, 5 keys in 4 frames
  it('counts the notes a frame starts', () => {
    expect(onsetsOf([C4, E4], new Set([C4]))).toBe(1)
  })

  it('raises the odds of new notes when too few started, and lowers them when too many did', () => {
    expect(densityOffsets(profile, 1, { frames: 8, onsets: 0, keyFrames: 10 }, 0.5).onset).toBeGreaterThan(0)
    expect(densityOffsets(profile, 1, { frames: 8, onsets: 20, keyFrames: 30 }, 0.5).onset).toBeLessThan(0)
    expect(densityOffsets(profile, 2, { frames: 8, onsets: 6, keyFrames: 10 }, 0.5).onset).toBeGreaterThan(
      densityOffsets(profile, 1, { frames: 8, onsets: 6, keyFrames: 10 }, 0.5).onset,
    )
  })

  it('measures how far a candidate frame leaves the lane from the amount', () => {
    // After 4 frames the primer's amount is 5 keys and 3 notes; 3 keys and 2 notes were written so far.
    const counts = { frames: 3, onsets: 2, keyFrames: 3 }
    const empty = densityError(profile, 1, counts, [], new Set())
    const two = densityError(profile, 1, counts, [C4, E4], new Set([C4]))
    expect(empty.keys).toBeCloseTo(2 / 1.25)
    expect(two.keys).toBeCloseTo(0)
    expect(two.onsets).toBeCloseTo(0)
  })
})

describe('candidate penalties', () => {
  const weights = { leap: 3, skip: 1, clash: 2 }
  it('counts semitone pairs and top-voice moves', () => {
    expect(semitonePairs([C4, C4 + 1, C4 + 2])).toBe(2)
    expect(framePenalty([C4, C4 + 2], C4, weights)).toBe(0) // a step
    expect(framePenalty([C4 + 4], C4, weights)).toBe(1) // a third
    expect(framePenalty([C4 + 12], C4, weights)).toBe(3) // an octave
    expect(framePenalty([C4, C4 + 1], undefined, weights)).toBe(2)
    expect(framePenalty([], C4, weights)).toBe(0)
  })

  it('picks frames with probability falling with their penalty', () => {
    expect(pickByPenalty([0, 0], 0.25)).toBe(0)
    expect(pickByPenalty([0, 0], 0.75)).toBe(1)
    const picks = Array.from({ length: 1000 }, (_, i) => pickByPenalty([0, Math.log(3)], (i + 0.5) / 1000))
    expect(picks.filter((i) => i === 0).length).toBe(750)
  })
})

describe('key choice', () => {
  it('says whether a primer is in C already', () => {
    expect(
      fitsC([
        [C4, E4, G4],
        [C4 + 2, C4 + 5, C4 + 9],
      ]),
    ).toBe(true)
    expect(fitsC([[C4 + 3, G4], [C4 + 8]])).toBe(true) // C minor
    expect(fitsC([[C4 + 2, C4 + 6, C4 + 9]])).toBe(false) // D major
  })

  it('takes the best-scoring shift that keeps every note on the keyboard', () => {
    expect(bestShift([0, 2, -2], [-10, -5, -8], [true, true, true])).toBe(2)
    expect(bestShift([0, 2, -2], [-10, -5, -8], [true, false, true])).toBe(-2)
    expect(staysOnKeyboard([[0, 87]], 1)).toBe(false)
    expect(staysOnKeyboard([[1, 80]], -1)).toBe(true)
  })

  it('names the key a shift moves to C, with the mode its thirds state', () => {
    expect(keyOfShift(-2, [[C4, E4, G4]])).toEqual({ name: 'D major', tonic: 2, mode: 'major' })
    expect(keyOfShift(3, [[C4, C4 + 3, G4]])).toEqual({ name: 'A minor', tonic: 9, mode: 'minor' })
  })
})

describe('decodingOf', () => {
  it('maps the request fields onto decoding settings, with the defaults where they are absent', () => {
    const plain = decodingOf(continueRequest({ temperature: 0.8 }))
    expect(plain).toMatchObject({ temperature: 0.8, density: 1, rangeMargin: 12, clashPenalty: DEFAULT_DECODING.clashPenalty })
    expect(plain.memoryStrength).toBeCloseTo(DEFAULT_DECODING.memoryStrength)
    const asked = decodingOf(continueRequest({ memory: 1, density: 0, rangeMargin: 40, avoidClashes: false, maxPolyphony: 3 }))
    expect(asked).toMatchObject({ memoryStrength: FULL_MEMORY, density: 0, rangeMargin: 40, clashPenalty: 0, maxPolyphony: 3 })
    expect(asked.penalties.clash).toBe(0)
  })
})

describe('frameLogProb', () => {
  it("is the head's log-probability of exactly the frame's keys", async () => {
    const { independentHead } = await import('../../model/heads/independent.ts')
    const { frameLogProb, logSigmoid } = await import('./likelihood.ts')
    const distribution = await independentHead.distribution(new Map())
    const logits = Float32Array.from({ length: KEYS }, (_, key) => (key === C4 ? 2 : key === E4 ? -1 : -5))
    const expected = logSigmoid(2) + logSigmoid(-1) + (KEYS - 2) * logSigmoid(5)
    expect(frameLogProb(distribution, logits, 0, [C4, E4])).toBeCloseTo(expected, 6)
    expect(logSigmoid(-800)).toBe(-800)
    expect(logSigmoid(800)).toBe(-0)
  })
})
