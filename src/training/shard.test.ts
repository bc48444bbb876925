import * as tf from '../model/tf.ts'
import { headsOfConfig } from '../model/heads/index.ts'
import type { DatasetScore } from '../model/config.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultConfig } from '../model/config.ts'
import { evaluateSequences } from './evaluate.ts'
import { Rng } from '../model/rng.ts'
import { combineShards, dropoutMasks, mergeScores, shardRanges, ShardTrainer, splitPieces, validationWork } from './shard.ts'
import { toyCorpus, useCpuBackend } from '#fixtures/toyCorpus.ts'
import { disposeWeights, initWeights } from '../model/weights.ts'

beforeAll(useCpuBackend)

const config = defaultConfig({ hiddenSizes: [7, 5], dropout: 0.4 })
const sequences = [...toyCorpus(6, 14), ...toyCorpus(3, 5, 2)]

describe('data-parallel shards', () => {
  it('splits lanes evenly and refuses impossible splits', () => {
    expect(shardRanges(32, 2)).toEqual([
      [0, 16],
      [16, 32],
    ])
    expect(shardRanges(5, 3)).toEqual([
      [0, 1],
      [1, 3],
      [3, 5],
    ])
    expect(() => shardRanges(4, 5)).toThrow(/cannot split/)
    expect(() => shardRanges(4, 0)).toThrow(/cannot split/)
  })

  it("drops, in each shard, exactly the units a single process drops in that shard's lanes", () => {
    const [whole] = dropoutMasks(new Rng(9), [7], 3, 5, 0, 5, 0.5)
    const [part] = dropoutMasks(new Rng(9), [7], 3, 5, 1, 3, 0.5)
    const rows = (whole as tf.Tensor2D).arraySync()
    expect((part as tf.Tensor2D).arraySync()).toEqual([0, 1, 2].flatMap((t) => [rows[t * 5 + 1], rows[t * 5 + 2]]))
    tf.dispose([whole as tf.Tensor, part as tf.Tensor])
  })

  it('gives, combined, the loss and gradients of the whole block over consecutive blocks (carried state)', async () => {
    const weights = initWeights(config, 4)
    const spec = { config, sequences, batch: 5, window: 4, seed: 2, segment: 0, segmentFromEpoch: 0 }
    const single = new ShardTrainer({ ...spec, lo: 0, hi: 5 })
    const shards = shardRanges(5, 2).map(([lo, hi]) => new ShardTrainer({ ...spec, lo, hi }))
    expect(single.blocks(0)).toBeGreaterThan(2)
    for (let block = 0; block < 3; block++) {
      const a = await single.step(weights, 0, block)
      const b = combineShards(await Promise.all(shards.map((s) => s.step(weights, 0, block))))
      expect(b.scored).toBe(a.scored)
      expect(b.loss).toBeCloseTo(a.loss, 5)
      for (const [name, g] of a.grads) {
        const x = g.dataSync()
        const y = b.grads.get(name)?.dataSync() as Float32Array
        x.forEach((v, i) => expect(Math.abs(v - (y[i] as number)), name).toBeLessThan(1e-6))
      }
      tf.dispose([...a.grads.values(), ...b.grads.values()])
    }
    single.dispose()
    for (const s of shards) s.dispose()
    disposeWeights(weights)
    expect(tf.memory().numTensors).toBe(0)
  })

  it('shares validation by splitting every set into groups of about equal length', () => {
    const piece = (n: number): number[][] => Array.from({ length: n }, () => [1])
    expect(validationWork([[piece(5), piece(4), piece(3)], [piece(2)]], 2)).toEqual([
      [
        { set: 0, pieces: [0] },
        { set: 1, pieces: [0] },
      ],
      [{ set: 0, pieces: [1, 2] }],
    ])
    expect(validationWork([[piece(5)]], 3)).toEqual([[{ set: 0, pieces: [0] }], [], []])
  })

  it('scores split piece groups to the same pooled NLL and accuracy as the whole set', async () => {
    const weights = initWeights(config, 5)
    const groups = splitPieces(sequences, 3)
    expect(groups.flat().sort((a, b) => a - b)).toEqual(sequences.map((_, i) => i))
    const heads = headsOfConfig(config)
    const whole = (await evaluateSequences(weights, sequences, heads)).independent as DatasetScore
    const merged = mergeScores(
      await Promise.all(
        groups.map(
          async (g) =>
            (
              await evaluateSequences(
                weights,
                g.map((i) => sequences[i] as number[][]),
                heads,
              )
            ).independent as DatasetScore,
        ),
      ),
    )
    expect(merged.frames).toBe(whole.frames)
    expect(merged.nll).toBeCloseTo(whole.nll, 5)
    expect(merged.accuracy).toBeCloseTo(whole.accuracy, 5)
    disposeWeights(weights)
  })
})
