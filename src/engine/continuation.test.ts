import * as tf from '../model/tf.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultConfig } from '../model/config.ts'
import { LstmModel } from '../model/inference.ts'
import { initWeights } from '../model/weights.ts'
import { runContinuation } from './continuation.ts'
import { CancelledError } from './generate.ts'
import { TfStepModel } from './tfStepModel.ts'
import { continueRequest } from '#fixtures/primers.ts'

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
