import * as tf from '../model/tf.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultConfig } from '../model/config.ts'
import { LstmModel } from '../model/inference.ts'
import { initWeights } from '../model/weights.ts'
import { runContinuation } from './continuation.ts'
import { CancelledError } from './generate.ts'
import { TfStepModel } from './tfStepModel.ts'
import { cMajorPrimer, continueRequest, transposeNotes } from '#fixtures/primers.ts'

describe('runContinuation with a tiny LSTM', () => {
  let model: TfStepModel
  beforeAll(async () => {
    await tf.setBackend('cpu')
    const config = defaultConfig({ hiddenSizes: [24, 24] })
    model = new TfStepModel(new LstmModel(config, initWeights(config, 1)))
  })
  afterAll(() => model.dispose())

  it('gives identical notes for the same request and seed, different notes for another seed', async () => {
    const a = await runContinuation(model, continueRequest({ seed: 11, variations: 3 }))
    const b = await runContinuation(model, continueRequest({ seed: 11, variations: 3 }))
    const c = await runContinuation(model, continueRequest({ seed: 12, variations: 3 }))
    expect(a.candidates).toEqual(b.candidates)
    expect(c.candidates).not.toEqual(a.candidates)
    expect(a.candidates).toHaveLength(3)
    expect(a.candidates.every((candidate) => candidate.notes.length > 0)).toBe(true)
  })

  it('writes inside the bars after the selection, the pitch range and the polyphony cap', async () => {
    const response = await runContinuation(
      model,
      continueRequest({ variations: 4, barsToWrite: 3, temperature: 2, maxPolyphony: 3, pitchRange: { low: 48, high: 72 } }),
    )
    expect([response.startTick, response.endTick]).toEqual([4 * 1920, 7 * 1920])
    for (const { notes } of response.candidates) {
      for (const note of notes) {
        expect(note.ticks).toBeGreaterThanOrEqual(response.startTick)
        expect(note.ticks + note.durationTicks).toBeLessThanOrEqual(response.endTick)
        expect(note.pitch).toBeGreaterThanOrEqual(48)
        expect(note.pitch).toBeLessThanOrEqual(72)
      }
      for (let tick = response.startTick; tick < response.endTick; tick += 240) {
        expect(notes.filter((n) => n.ticks <= tick && tick < n.ticks + n.durationTicks).length).toBeLessThanOrEqual(3)
      }
    }
  })

  it('leaks no tensors, whether it finishes or is cancelled', async () => {
    await runContinuation(model, continueRequest())
    const before = tf.memory().numTensors
    await runContinuation(model, continueRequest({ variations: 8, barsToWrite: 4 }))
    expect(tf.memory().numTensors).toBe(before)
    let steps = 0
    const cancelled = runContinuation(model, continueRequest({ barsToWrite: 8 }), {
      onProgress: () => void steps++,
      isCancelled: () => steps >= 3,
    })
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError)
    expect(steps).toBe(3)
    expect(tf.memory().numTensors).toBe(before)
  })

  it('reports progress up to the number of frames written', async () => {
    const seen: [number, number][] = []
    await runContinuation(model, continueRequest({ barsToWrite: 1 }), { onProgress: (done, total) => void seen.push([done, total]) })
    expect(seen).toHaveLength(8)
    expect(seen.at(-1)).toEqual([8, 8])
  })
})

describe('the key a continuation is written in', () => {
  let model: TfStepModel
  beforeAll(async () => {
    await tf.setBackend('cpu')
    const config = defaultConfig({ hiddenSizes: [16], heads: ['nade', 'independent'], nadeHidden: 8 })
    model = new TfStepModel(new LstmModel(config, initWeights(config, 2)))
  })
  afterAll(() => model.dispose())

  it("scores sequences by the model's log-likelihood, side by side as alone, and leaks no tensors", async () => {
    const frames = (shift: number): number[][] => [[39 + shift, 43 + shift], [46 + shift], [], [39 + shift]]
    const input = (shifts: number[]): Float32Array => {
      const packed = new Float32Array(shifts.length * 4 * 88)
      shifts.forEach((shift, b) => frames(shift).forEach((frame, t) => frame.forEach((key) => (packed[(b * 4 + t) * 88 + key] = 1))))
      return packed
    }
    await model.logLikelihoods(input([0]), 4, 1)
    const before = tf.memory().numTensors
    const together = await model.logLikelihoods(input([0, 5, -3]), 4, 3, 'nade')
    const alone = await model.logLikelihoods(input([5]), 4, 1, 'nade')
    expect(together[1]).toBeCloseTo(alone[0]!, 4)
    expect(together.every((score) => score < 0)).toBe(true)
    expect(new Set(together).size).toBe(3)
    expect(tf.memory().numTensors).toBe(before)
  })

  it('is chosen by the model, a key profile, or left as written, and says so', async () => {
    const inD = continueRequest({ notes: transposeNotes(cMajorPrimer(), 2) })
    const byProfile = await runContinuation(model, { ...inD, keyChoice: 'profile' })
    expect(byProfile.key).toMatchObject({ name: 'D major', transpose: -2, chosenBy: 'profile' })
    const asWritten = await runContinuation(model, { ...inD, keyChoice: 'none' })
    expect(asWritten.key).toMatchObject({ transpose: 0, chosenBy: 'none' })
    const byModel = await runContinuation(model, { ...inD, keyChoice: 'model' })
    expect(byModel.key.chosenBy).toBe('model')
    expect(byModel.key.transpose).toBeGreaterThanOrEqual(-5)
    expect(byModel.key.transpose).toBeLessThanOrEqual(6)
  })
})
