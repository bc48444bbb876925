import { beforeAll, describe, expect, it } from 'vitest'
import * as tf from '@tensorflow/tfjs'
import { blockCount, disposeBlock, makeBlock, planLanes, resample, stepsOf } from './data.ts'
import { Rng } from './rng.ts'
import { toyCorpus, useCpuBackend } from './testing.ts'

beforeAll(useCpuBackend)

describe('piano-roll data', () => {
  it('upsamples exactly: one quarter-note frame becomes two eighth-note frames', () => {
    const set = { name: 'jsb', stepsPerQuarter: 1, sequences: [[[1, 2], [3]]] }
    expect(resample(set, 2).sequences).toEqual([[[1, 2], [1, 2], [3], [3]]])
    expect(() => resample({ ...set, stepsPerQuarter: 2 }, 1)).toThrow(/cannot resample/)
    expect(resample({ ...set, stepsPerQuarter: 2 }, 1, true).sequences).toEqual([[[1, 2]]])
  })

  it('lays every training step on exactly one lane, resetting where a piece starts', () => {
    const pieces = [...toyCorpus(5, 9), ...toyCorpus(4, 3, 2)]
    const plan = planLanes(pieces, 3, new Rng(1))
    const total = pieces.reduce((n, p) => n + stepsOf(p), 0)
    let scored = 0
    let resets = 0
    for (let b = 0; b < blockCount(plan, 4); b++) {
      const block = makeBlock(pieces, plan, b, 4)
      scored += block.scoredCount
      for (const k of block.keep) if (k) resets += k.dataSync().filter((x) => x === 0).length
      disposeBlock(block)
    }
    expect(scored).toBe(total)
    expect(resets).toBe(pieces.length)
    expect(plan.steps).toBeLessThanOrEqual(Math.ceil(total / 3) + 8)
    expect(tf.memory().numTensors).toBe(0)
  })
})
