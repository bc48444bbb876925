import * as tf from '../model/tf.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectedFrameAccuracy } from './accuracy.ts'
import { defaultConfig, type DatasetScore } from '../model/config.ts'
import { independentHead } from '../model/heads/independent.ts'
import { evaluateSequences } from './evaluate.ts'
import { forwardBlock, zeroStates, disposeStates } from '../model/network.ts'
import { Rng } from '../model/rng.ts'
import { toyCorpus, useCpuBackend } from '#fixtures/toyCorpus.ts'
import { disposeWeights, initWeights } from '../model/weights.ts'

beforeAll(useCpuBackend)

/** NLL of one piece computed the slow, obvious way: one frame at a time, formula written out. */
function handNll(weights: ReturnType<typeof initWeights>, piece: number[][]): { sum: number; frames: number } {
  let states = zeroStates(weights, 1)
  let sum = 0
  for (let t = 0; t + 1 < piece.length; t++) {
    const x = new Float32Array(88)
    for (const k of piece[t] as number[]) x[k] = 1
    const input = tf.tensor2d(x, [1, 88])
    const out = forwardBlock(weights, input, states)
    const logitsTensor = independentHead.stepParams(weights.head, out.top)
    const logits = logitsTensor.dataSync()
    const next = new Set(piece[t + 1])
    for (let k = 0; k < 88; k++) {
      const p = 1 / (1 + Math.exp(-(logits[k] as number)))
      sum -= next.has(k) ? Math.log(p) : Math.log(1 - p)
    }
    tf.dispose([input, out.top, logitsTensor])
    disposeStates(states)
    states = out.states
  }
  disposeStates(states)
  return { sum, frames: piece.length - 1 }
}

describe('evaluation', () => {
  it('pools the per-frame NLL over all scored frames, skipping the first frame of each piece', async () => {
    const weights = initWeights(defaultConfig({ hiddenSizes: [9, 6] }), 11)
    const pieces = [...toyCorpus(2, 7), ...toyCorpus(3, 4, 9), [[1, 2]]]
    const before = tf.memory().numTensors
    const progress: number[][] = []
    const score = (
      await evaluateSequences(weights, pieces, [independentHead], {
        batch: 2,
        window: 3,
        onProgress: (...args) => void progress.push(args),
      })
    ).independent as DatasetScore
    expect(tf.memory().numTensors).toBe(before)
    const blocks = progress.length - 1
    expect(progress).toEqual(Array.from({ length: blocks + 1 }, (_, i) => [i / blocks, i, blocks]))
    const hand = pieces.map((p) => handNll(weights, p))
    const frames = hand.reduce((n, h) => n + h.frames, 0)
    expect(score.frames).toBe(frames)
    expect(frames).toBe(2 * 6 + 3 * 3)
    expect(score.nll).toBeCloseTo(hand.reduce((n, h) => n + h.sum, 0) / frames, 4)
    disposeWeights(weights)
  })

  it('computes the expected frame accuracy in closed form (agrees with sampling)', () => {
    const rng = new Rng(3)
    const probs = new Float32Array(88).map(() => rng.next() * 0.3)
    probs[10] = 0.9
    probs[20] = 0.6
    const truth = [10, 20, 30]
    let sampled = 0
    const n = 100_000
    for (let s = 0; s < n; s++) {
      let tp = 0
      let fp = 0
      for (let k = 0; k < 88; k++) if (rng.next() < (probs[k] as number)) truth.includes(k) ? tp++ : fp++
      sampled += tp / (truth.length + fp)
    }
    expect(expectedFrameAccuracy(probs, 0, truth)).toBeCloseTo(sampled / n, 3)
    // A silent frame: right only when nothing is sampled.
    const quiet = new Float32Array(88).fill(0.01)
    expect(expectedFrameAccuracy(quiet, 0, [])).toBeCloseTo(0.99 ** 88, 6)
    // Certain predictions give exactly TP / (TP + FP + FN).
    const sure = new Float32Array(88)
    sure[1] = 1
    sure[2] = 1
    expect(expectedFrameAccuracy(sure, 0, [1, 3])).toBeCloseTo(1 / 3, 10)
  })
})
