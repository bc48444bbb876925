import '@tensorflow/tfjs' // registers the gradients tf.valueAndGrads needs
import * as tf from '../model/tf.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { Adam } from './adam.ts'
import { lossAndGradients } from './backprop.ts'
import { defaultConfig } from '../model/config.ts'
import { blockCount, disposeBlock, makeBlock, planLanes } from './data.ts'
import { disposeStates, forwardBlock, zeroStates } from '../model/network.ts'
import { headsOfConfig } from '../model/heads/index.ts'
import { NADE_NAMES } from '../model/heads/nade.ts'
import { Rng } from '../model/rng.ts'
import { toyCorpus, useCpuBackend } from '#fixtures/toyCorpus.ts'
import { disposeWeights, initWeights, namedWeights, weightNames, weightsFromMap } from '../model/weights.ts'

beforeAll(useCpuBackend)

const independentOnly = defaultConfig({ hiddenSizes: [7, 5], dropout: 0.3 })
const bothHeads = defaultConfig({ hiddenSizes: [7, 5], dropout: 0.3, heads: ['nade', 'independent'], nadeHidden: 6 })

/**
 * The NADE NLL written another way for tf.grads: the hidden pre-activations of key d as one matMul with
 * a strictly lower-triangular mask (keys below d) instead of the head's cumulative sum (whose gradient
 * tfjs 4.22 gets wrong on an inner axis).
 */
function nadeNllByMask(weights: Map<string, tf.Tensor>, x: tf.Tensor2D, v: tf.Tensor2D): tf.Tensor1D {
  const [rows, keys] = v.shape
  const get = (name: string): tf.Tensor2D => weights.get(name) as tf.Tensor2D
  const bv = tf.add(tf.matMul(x, get(NADE_NAMES.visibleKernel)), get(NADE_NAMES.visibleBias))
  const bh = tf.add(tf.matMul(x, get(NADE_NAMES.hiddenKernel)), get(NADE_NAMES.hiddenBias))
  const units = bh.shape[1] as number
  const below = tf.tensor2d(
    Array.from({ length: keys * keys }, (_, i) => (i % keys < Math.floor(i / keys) ? 1 : 0)),
    [keys, keys],
  )
  const masked = tf.reshape(tf.mul(tf.reshape(v, [rows, 1, keys]), tf.reshape(below, [1, keys, keys])), [rows * keys, keys])
  const pre = tf.add(tf.reshape(tf.matMul(masked, get(NADE_NAMES.inputKernel)), [rows, keys, units]), tf.reshape(bh, [rows, 1, units]))
  const logits = tf.add(bv, tf.sum(tf.mul(tf.sigmoid(pre), tf.reshape(get(NADE_NAMES.outputKernel), [1, keys, units])), 2))
  return tf.sum(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, v)), tf.log1p(tf.exp(tf.neg(tf.abs(logits))))), 1)
}

describe('hand-written backpropagation', () => {
  it.each([
    ['the independent head', independentOnly],
    ['the NADE and independent heads together', bothHeads],
  ])('matches tf.grads through the differentiable forward pass with %s, with resets, dropout and a carried state', (_, config) => {
    const weights = initWeights(config, 3)
    const sequences = toyCorpus(5, 6)
    const plan = planLanes(sequences, 3)
    const block = makeBlock(sequences, plan, 0, 8)
    expect(block.keep.some((k) => k !== null)).toBe(true)
    const rows = block.steps * block.batch
    const rng = new Rng(1)
    const masks = [tf.tensor2d(rng.dropoutMask(rows * 7, 0.3), [rows, 7]), tf.tensor2d(rng.dropoutMask(rows * 5, 0.3), [rows, 5])]
    const states = weights.layers.map((l) => ({
      h: tf.randomNormal([3, l.recurrent.shape[0]], 0, 1, 'float32', 1) as tf.Tensor2D,
      c: tf.randomNormal([3, l.recurrent.shape[0]], 0, 1, 'float32', 2) as tf.Tensor2D,
    }))
    const heads = headsOfConfig(config)
    const manual = lossAndGradients(weights, block, states, masks, heads)
    const names = weightNames(config)
    const loss = (...tensors: tf.Tensor[]): tf.Scalar => {
      const w = weightsFromMap(config, new Map(names.map((n, i) => [n, tensors[i] as tf.Tensor])))
      const out = forwardBlock(w, block.inputs, states, block.keep, masks)
      const perRow = tf.reshape(
        tf.addN(
          heads.map((head) =>
            head.name === 'nade' ? nadeNllByMask(w.head, out.top, block.targets) : head.nll(w.head, out.top, block.targets),
          ),
        ),
        [-1, 1],
      )
      return tf.div(tf.sum(tf.mul(perRow, block.scored)), block.scoredCount) as tf.Scalar
    }
    const named = namedWeights(weights)
    const auto = tf.valueAndGrads(loss)(names.map((n) => named.get(n) as tf.Tensor))
    expect(manual.loss.dataSync()[0]).toBeCloseTo(auto.value.dataSync()[0] as number, 5)
    names.forEach((name, i) => {
      const a = manual.grads.get(name)?.dataSync() as Float32Array
      const b = auto.grads[i]?.dataSync() as Float32Array
      const scale = Math.max(...b.map(Math.abs))
      const error = Math.max(...a.map((x, j) => Math.abs(x - (b[j] as number))))
      expect(error, name).toBeLessThan(1e-5 * Math.max(1, scale))
    })
  })

  it('decreases the loss on a learnable toy sequence without growing tf.memory()', async () => {
    const tiny = defaultConfig({ hiddenSizes: [16, 16], dropout: 0 })
    let weights = initWeights(tiny, 1)
    const sequences = toyCorpus(8, 33)
    const adam = new Adam({ clipNorm: 5 })
    const plan = planLanes(sequences, 4, new Rng(2))
    const losses: number[] = []
    let tensorsAfterFirst = 0
    for (let epoch = 0; epoch < 25; epoch++) {
      let states = zeroStates(weights, 4)
      for (let b = 0; b < blockCount(plan, 16); b++) {
        const block = makeBlock(sequences, plan, b, 16)
        const result = lossAndGradients(weights, block, states, [], headsOfConfig(tiny))
        losses.push(result.loss.dataSync()[0] as number)
        tf.dispose(Object.values(result.headLosses))
        weights = weightsFromMap(tiny, (await adam.apply(namedWeights(weights), result.grads, 0.02)).params)
        disposeStates(states)
        states = result.states
        result.loss.dispose()
        disposeBlock(block)
        if (epoch === 0 && b === 0) tensorsAfterFirst = tf.memory().numTensors
      }
      disposeStates(states)
      if (epoch === 1) expect(tf.memory().numTensors).toBe(tensorsAfterFirst - 2 * tiny.hiddenSizes.length)
    }
    const first = losses.slice(0, 4).reduce((a, b) => a + b) / 4
    const last = losses.slice(-4).reduce((a, b) => a + b) / 4
    expect(last).toBeLessThan(first / 2)
    disposeWeights(weights)
    adam.dispose()
  })
})
