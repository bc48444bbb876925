import * as tf from '../model/tf.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { Adam } from './adam.ts'
import { lossAndGradients } from './backprop.ts'
import { defaultConfig } from '../model/config.ts'
import { blockCount, disposeBlock, makeBlock, planLanes, type Sequence } from './data.ts'
import { headsOfConfig, HEADS } from '../model/heads/index.ts'
import { disposeStates, forwardBlock, zeroStates } from '../model/network.ts'
import { Rng } from '../model/rng.ts'
import { useCpuBackend } from '#fixtures/toyCorpus.ts'
import { disposeWeights, initWeights, namedWeights, weightsFromMap } from '../model/weights.ts'

beforeAll(useCpuBackend)

// Every frame is C major or F major (root position, an octave apart in key index), chosen by a coin:
// nothing in the past says which, so the best a model can do is "one of the two, never both".
const cMajor = [30, 34, 37]
const fMajor = [35, 39, 42]
function coinChords(pieces: number, length: number, seed: number): Sequence[] {
  const rng = new Rng(seed)
  return Array.from({ length: pieces }, () => Array.from({ length }, () => (rng.next() < 0.5 ? cMajor : fMajor)))
}

describe('the NADE head on a toy corpus of two chords', () => {
  it('learns to draw one chord or the other and never mixes them, where independent keys cannot', async () => {
    const config = defaultConfig({ hiddenSizes: [12], dropout: 0, heads: ['nade', 'independent'], nadeHidden: 16 })
    let weights = initWeights(config, 1)
    const sequences = coinChords(16, 33, 3)
    const adam = new Adam({ clipNorm: 5 })
    const plan = planLanes(sequences, 8, new Rng(2))
    const heads = headsOfConfig(config)
    const last: Record<string, number> = {}
    for (let epoch = 0; epoch < 12; epoch++) {
      let states = zeroStates(weights, 8)
      for (let b = 0; b < blockCount(plan, 16); b++) {
        const block = makeBlock(sequences, plan, b, 16)
        const result = lossAndGradients(weights, block, states, [], heads)
        for (const [name, loss] of Object.entries(result.headLosses)) last[name] = loss.dataSync()[0] as number
        weights = weightsFromMap(config, (await adam.apply(namedWeights(weights), result.grads, 0.1)).params)
        disposeStates(states)
        states = result.states
        tf.dispose([result.loss, ...Object.values(result.headLosses)])
        disposeBlock(block)
      }
      disposeStates(states)
    }
    // The entropy of a fair coin is ln 2 = 0.69 nats per frame; independent keys cannot go below 6 ln 2 = 4.2.
    expect(last.nade).toBeLessThan(0.9)
    expect(last.independent).toBeGreaterThan(3.5)

    // Sample 200 frames from each head after a primer of the corpus itself.
    const primer = tf.tensor2d(sequences[0]!.slice(0, 8).map((frame) => Array.from({ length: 88 }, (_, k) => (frame.includes(k) ? 1 : 0))))
    const zero = zeroStates(weights, 1)
    const out = forwardBlock(weights, primer, zero)
    const top = tf.slice(out.top, [7, 0], [1, 12]) as tf.Tensor2D
    const rng = new Rng(9)
    const share: Record<string, { whole: number; mixed: number }> = {}
    for (const name of ['nade', 'independent'] as const) {
      const head = HEADS[name]
      const params = head.stepParams(weights.head, top)
      const p = params.dataSync() as Float32Array
      const distribution = await head.distribution(weights.head)
      let whole = 0
      let mixed = 0
      for (let i = 0; i < 200; i++) {
        const frame = distribution.draw(p, 0, (_, logit) => rng.next() < 1 / (1 + Math.exp(-logit))).join()
        if (frame === cMajor.join() || frame === fMajor.join()) whole++
        else if (frame.length > 0) mixed++
      }
      share[name] = { whole: whole / 200, mixed: mixed / 200 }
      params.dispose()
    }
    expect(share.nade!.whole).toBeGreaterThan(0.95)
    expect(share.independent!.whole).toBeLessThan(0.3)
    expect(share.independent!.mixed).toBeGreaterThan(0.6)
    tf.dispose([primer, out.top, top])
    disposeStates(zero)
    disposeStates(out.states)
    disposeWeights(weights)
    adam.dispose()
  })
})
