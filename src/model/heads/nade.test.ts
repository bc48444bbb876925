import * as tf from '../tf.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultConfig } from '../config.ts'
import { Rng } from '../rng.ts'
import { useCpuBackend } from '#fixtures/toyCorpus.ts'
import { nadeHead } from './nade.ts'

beforeAll(useCpuBackend)

// A six-key NADE is small enough to check against every one of its 2^6 frames.
const keys = 6
const config = defaultConfig({ inputKeys: keys, hiddenSizes: [5], heads: ['nade'], nadeHidden: 4 })
const allFrames = Array.from({ length: 2 ** keys }, (_, code) => Array.from({ length: keys }, (_, k) => (code >> k) & 1))

function randomWeights(seed: number): Map<string, tf.Tensor> {
  // Larger than the initialisation, so that the keys really depend on each other.
  const rng = new Rng(seed)
  return new Map(
    [...nadeHead.shapes(config, 5)].map(([name, shape]) => [
      name,
      tf.tensor(
        Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (rng.next() * 2 - 1) * 2),
        shape,
      ),
    ]),
  )
}

describe('the NADE head', () => {
  it('is a distribution: exp(-NLL) sums to 1 over all 2^k frames, for any trunk output', () => {
    const weights = randomWeights(1)
    for (const seed of [2, 3]) {
      const x = tf.tidy(() => tf.tile(tf.randomNormal([1, 5], 0, 1, 'float32', seed), [allFrames.length, 1])) as tf.Tensor2D
      const targets = tf.tensor2d(allFrames)
      const nll = nadeHead.nll(weights, x, targets)
      const total = (nll.dataSync() as Float32Array).reduce((sum, n) => sum + Math.exp(-n), 0)
      expect(total).toBeCloseTo(1, 5)
      tf.dispose([x, targets, nll])
    }
    tf.dispose([...weights.values()])
  })

  it('samples in JS with the probabilities its tensors assign, key by key', async () => {
    const weights = randomWeights(4)
    const x = tf.randomNormal([1, 5], 0, 1, 'float32', 5) as tf.Tensor2D
    const params = nadeHead.stepParams(weights, x)
    const distribution = await nadeHead.distribution(weights)
    expect(distribution.width).toBe(keys + 4)
    // Exact probabilities of every frame from the tensor side...
    const tiled = tf.tile(x, [allFrames.length, 1]) as tf.Tensor2D
    const targets = tf.tensor2d(allFrames)
    const nll = nadeHead.nll(weights, tiled, targets).dataSync() as Float32Array
    // ...and the JS sampler's probability of each frame, multiplied out from its conditionals.
    const p = params.dataSync() as Float32Array
    allFrames.forEach((frame, i) => {
      let logProb = 0
      const drawn = distribution.draw(p, 0, (key, logit) => {
        const on = frame[key] === 1
        logProb += on ? -Math.log1p(Math.exp(-logit)) : -Math.log1p(Math.exp(logit))
        return on
      })
      expect(drawn).toEqual(frame.flatMap((bit, k) => (bit ? [k] : [])))
      expect(logProb).toBeCloseTo(-(nll[i] as number), 4)
    })
    tf.dispose([x, params, tiled, targets, ...weights.values()])
  })

  it('leaves no tensors behind', () => {
    const weights = randomWeights(6)
    const before = tf.memory().numTensors
    const x = tf.randomNormal([3, 5], 0, 1, 'float32', 7) as tf.Tensor2D
    const targets = tf.tensor2d(allFrames.slice(0, 3))
    const rowWeights = tf.fill([3, 1], 1 / 3) as tf.Tensor2D
    const out = nadeHead.lossAndGradients(weights, x, targets, rowWeights)
    tf.dispose([
      out.loss,
      out.dx,
      ...Object.values(out.grads),
      nadeHead.nll(weights, x, targets),
      nadeHead.stepParams(weights, x),
      x,
      targets,
      rowWeights,
    ])
    expect(tf.memory().numTensors).toBe(before)
    tf.dispose([...weights.values()])
  })
})
