import { describe, expect, it } from 'vitest'
import { modelKey } from './chooseKey.ts'
import type { StepModel } from './stepModel.ts'
import { KEY_SHIFTS } from './decoding/keyChoice.ts'
import { continueRequest } from '#fixtures/primers.ts'

/** A model whose log-likelihoods favour one shift by `lead` nats in all. */
function scoring(favourite: number, lead: number): StepModel & { asked: number[] } {
  const asked: number[] = []
  return {
    asked,
    stepsPerQuarter: 2,
    heads: ['nade'],
    startSession: () => Promise.reject(new Error('not used')),
    async logLikelihoods(_frames, count, alternatives) {
      asked.push(alternatives)
      return KEY_SHIFTS.map((shift) => (shift === favourite ? -count * 2 + lead : -count * 2))
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
