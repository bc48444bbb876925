import { describe, expect, it } from 'vitest'
import { confirmedKey, modelKey } from './chooseKey.ts'
import type { StepModel } from './stepModel.ts'
import { KEY_SHIFTS } from './decoding/keyChoice.ts'
import { cMajorPrimer, continueRequest, transposeNotes } from '#fixtures/primers.ts'

function lowestKey(frames: Float32Array, count: number, b: number): number {
  return frames.subarray(b * count * 88, (b * count + 1) * 88).indexOf(1)
}

/** The shift of alternative `b`: its first frame's lowest key against alternative 0's (always as written). */
function shiftOf(frames: Float32Array, count: number, b: number): number {
  return lowestKey(frames, count, b) - lowestKey(frames, count, 0)
}

/** A model whose log-likelihoods favour one shift by `lead` nats in all. */
function scoring(favourite: number, lead: number): StepModel & { asked: number[] } {
  const asked: number[] = []
  return {
    asked,
    stepsPerQuarter: 2,
    heads: ['nade'],
    startSession: () => Promise.reject(new Error('not used')),
    async logLikelihoods(frames, count, alternatives) {
      asked.push(alternatives)
      // Which shift each alternative is: compare its first sounding key with the unshifted one's.
      return Array.from({ length: alternatives }, (_, b) => (shiftOf(frames, count, b) === favourite ? -count * 2 + lead : -count * 2))
    },
  }
}

describe('modelKey', () => {
  it('scores all 12 shifts in one batch and takes the most likely', async () => {
    const model = scoring(-2, 100)
    const key = await modelKey(model, continueRequest(), 0.2)
    expect(model.asked).toEqual([12])
    expect(key).toMatchObject({ transpose: -2, tonic: 2, chosenBy: 'model' })
  })

  it('keeps a primer where it is unless another shift beats it by the margin per frame', async () => {
    // cMajorPrimer: 4 bars of 4/4 at 2 steps per quarter = 32 frames; a margin of 0.2 is 6.4 nats.
    expect((await modelKey(scoring(3, 6), continueRequest(), 0.2)).transpose).toBe(0)
    expect((await modelKey(scoring(3, 7), continueRequest(), 0.2)).transpose).toBe(3)
  })

  it('never moves notes off the keyboard', async () => {
    const high = continueRequest({ notes: [{ pitch: 106, ticks: 0, durationTicks: 480, velocity: 80 }], selection: { start: 0, end: 1 } })
    expect((await modelKey(scoring(3, 100), high, 0)).transpose).toBe(0)
  })
})

describe('confirmedKey', () => {
  it("keeps a key profile's proposal only when the model finds the primer more likely moved", async () => {
    const inD = continueRequest({ notes: transposeNotes(cMajorPrimer(), 2) }) // the profile proposes -2
    const agreeing = scoring(-2, 100)
    expect(await confirmedKey(agreeing, inD, 0.1)).toMatchObject({ name: 'D major', transpose: -2, chosenBy: 'auto' })
    expect(agreeing.asked).toEqual([2])
    // Declined, the bars stay in D and are named so (not the C they were not moved to).
    expect(await confirmedKey(scoring(5, 100), inD, 0.1)).toMatchObject({ name: 'D major', transpose: 0, chosenBy: 'auto' })
  })

  it('asks the model nothing when the profile finds the primer in C already', async () => {
    const model = scoring(5, 100)
    expect(await confirmedKey(model, continueRequest(), 0.1)).toMatchObject({ name: 'C major', transpose: 0 })
    expect(model.asked).toEqual([])
  })
})
