import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tf from './tf.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveCheckpoint } from './checkpoint.ts'
import { defaultConfig } from './config.ts'
import { LstmModel, disposeState } from './inference.ts'
import { useCpuBackend } from '#fixtures/toyCorpus.ts'
import { disposeWeights, initWeights } from './weights.ts'

const dir = mkdtempSync(join(tmpdir(), 'np-inference-'))
beforeAll(useCpuBackend)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('LstmModel', () => {
  it('primes in one hoisted pass exactly as stepping frame by frame, tiles to lanes, and leaves tf.memory() as it was', async () => {
    const config = defaultConfig({ hiddenSizes: [12, 8] })
    const weights = initWeights(config, 2)
    await saveCheckpoint(dir, config, weights, 'float32')
    disposeWeights(weights)
    const before = tf.memory().numTensors
    const model = LstmModel.load(dir)
    const frames = tf.tidy(() => tf.cast(tf.greater(tf.randomUniform([5, 88], 0, 1, 'float32', 4), 0.9), 'float32')) as tf.Tensor2D
    const primed = model.prime(frames)
    let state = model.initialState(1)
    for (let t = 0; t < 5; t++) {
      const row = tf.slice(frames, [t, 0], [1, 88])
      const out = model.step(state, row)
      const expected = tf.slice(primed.params, [t, 0], [1, 88])
      const gap = tf.tidy(() => tf.max(tf.abs(tf.sub(out.params, expected))))
      expect(gap.dataSync()[0]).toBeLessThan(1e-5)
      tf.dispose([row, expected, out.params, gap])
      disposeState(state)
      state = out.state
    }
    const lanes = model.tileState(primed.state, 3)
    const silence = tf.zeros([3, 88]) as tf.Tensor2D
    const next = model.step(lanes, silence)
    expect(next.params.shape).toEqual([3, 88])
    tf.dispose([frames, silence, primed.params, next.params])
    for (const s of [state, primed.state, lanes, next.state]) disposeState(s)
    model.dispose()
    expect(model.isInitialized()).toBe(false)
    expect(tf.memory().numTensors).toBe(before)
  })
})
