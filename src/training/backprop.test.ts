import '@tensorflow/tfjs' // registers the gradients tf.valueAndGrads needs
import * as tf from '../model/tf.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { Adam } from './adam.ts'
import { lossAndGradients } from './backprop.ts'
import { defaultConfig } from '../model/config.ts'
import { blockCount, disposeBlock, makeBlock, planLanes } from './data.ts'
import { bceSummed, disposeStates, forwardBlock, zeroStates } from '../model/network.ts'
import { Rng } from '../model/rng.ts'
import { toyCorpus, useCpuBackend } from './testing.ts'
import { disposeWeights, initWeights, namedWeights, weightNames, weightsFromMap } from '../model/weights.ts'

beforeAll(useCpuBackend)

const config = defaultConfig({ hiddenSizes: [7, 5], dropout: 0.3 })

describe('hand-written backpropagation', () => {
  it('matches tf.grads through the differentiable forward pass, with resets, dropout and a carried state', () => {
    const weights = initWeights(config, 3)
    const sequences = toyCorpus(5, 6)
    const plan = planLanes(sequences, 3)
    const block = makeBlock(sequences, plan, 0, 8)
    expect(block.keep.some((k) => k !== null)).toBe(true)
    const rows = block.steps * block.batch
    const rng = new Rng(1)
    const masks = [tf.tensor2d(rng.dropoutMask(rows * 7, 0.3), [rows, 7]), tf.tensor2d(rng.dropoutMask(rows * 5, 0.3), [rows, 5])]
    const states = weights.layers.map((l) => ({ h: tf.randomNormal([3, l.recurrent.shape[0]], 0, 1, 'float32', 1) as tf.Tensor2D, c: tf.randomNormal([3, l.recurrent.shape[0]], 0, 1, 'float32', 2) as tf.Tensor2D }))
    const manual = lossAndGradients(weights, block, states, masks)
    const names = weightNames(config)
    const loss = (...tensors: tf.Tensor[]): tf.Scalar => {
      const w = weightsFromMap(config, new Map(names.map((n, i) => [n, tensors[i] as tf.Tensor])))
      const out = forwardBlock(w, block.inputs, states, block.keep, masks)
      const perRow = tf.reshape(bceSummed(out.logits, block.targets), [-1, 1])
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

  it('decreases the loss on a learnable toy sequence without growing tf.memory()', () => {
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
        const result = lossAndGradients(weights, block, states, [])
        losses.push(result.loss.dataSync()[0] as number)
        weights = weightsFromMap(tiny, adam.apply(namedWeights(weights), result.grads, 0.02).params)
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
