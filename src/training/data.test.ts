import { beforeAll, describe, expect, it } from 'vitest'
import * as tf from '../model/tf.ts'
import { blockCount, disposeBlock, makeBlock, planLanes, resample, stepsOf, type LanePlan, type Sequence } from './data.ts'
import { Rng } from '../model/rng.ts'
import { toyCorpus, useCpuBackend } from '#fixtures/toyCorpus.ts'

beforeAll(useCpuBackend)

/** Builds every block of a plan: the scored rows and the lane resets they hold in all. */
function walkBlocks(pieces: Sequence[], plan: LanePlan, window: number): { scored: number; resets: number } {
  let scored = 0
  let resets = 0
  for (let b = 0; b < blockCount(plan, window); b++) {
    const block = makeBlock(pieces, plan, b, window)
    scored += block.scoredCount
    for (const k of block.keep) if (k) resets += k.dataSync().filter((x) => x === 0).length
    disposeBlock(block)
  }
  return { scored, resets }
}

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
    const { scored, resets } = walkBlocks(pieces, plan, 4)
    expect(scored).toBe(total)
    expect(resets).toBe(pieces.length)
    expect(plan.steps).toBeLessThanOrEqual(Math.ceil(total / 3) + 8)
    expect(tf.memory().numTensors).toBe(0)
  })

  it('cuts long pieces into segments so that no lane runs on alone, resetting the state where a segment does not continue its lane', () => {
    const pieces = [...toyCorpus(1, 200), ...toyCorpus(6, 12, 4)]
    const total = pieces.reduce((n, p) => n + stepsOf(p), 0)
    expect(planLanes(pieces, 4, new Rng(3)).steps).toBeGreaterThanOrEqual(199)
    const plan = planLanes(pieces, 4, new Rng(3), 20)
    expect(plan.steps).toBeLessThanOrEqual(Math.ceil(total / 4) + 20)
    // Every (piece, position) is laid out exactly once.
    const seen = new Set<string>()
    plan.piece.forEach((lane, b) => lane.forEach((i, t) => i >= 0 && seen.add(`${i}:${(plan.position[b] as Int32Array)[t]}`)))
    expect(seen.size).toBe(total)
    const { scored, resets } = walkBlocks(pieces, plan, 7)
    let starts = 0
    plan.piece.forEach((lane, b) =>
      lane.forEach((i, t) => {
        const continues =
          t > 0 && lane[t - 1] === i && (plan.position[b] as Int32Array)[t - 1] === ((plan.position[b] as Int32Array)[t] as number) - 1
        if (i >= 0 && !continues) starts++
      }),
    )
    expect(scored).toBe(total)
    expect(resets).toBe(starts)
    expect(starts).toBeGreaterThanOrEqual(pieces.length + 9 - 4)
    expect(tf.memory().numTensors).toBe(0)
  })

  it('transposes each segment by its own -K..+K semitones (augmentation), dropping keys pushed off the keyboard', () => {
    const pieces = [
      [
        [0, 40, 87],
        [1, 41, 86],
        [2, 42, 85],
      ],
      ...toyCorpus(6, 12, 4),
    ]
    const plan = planLanes(pieces, 2, new Rng(5), 4, 3)
    const shifts = new Set<number>()
    plan.piece.forEach((lane, b) =>
      lane.forEach((i, t) => {
        if (i < 0) return
        const shift = (plan.shift?.[b] as Int8Array)[t] as number
        shifts.add(shift)
        expect(Math.abs(shift)).toBeLessThanOrEqual(3)
      }),
    )
    expect(shifts.size).toBeGreaterThan(2)
    const block = makeBlock(pieces, plan, 0, plan.steps)
    const inputs = block.inputs.dataSync()
    plan.piece.forEach((lane, b) =>
      lane.forEach((i, t) => {
        if (i < 0) return
        const shift = (plan.shift?.[b] as Int8Array)[t] as number
        const frame = (pieces[i] as number[][])[(plan.position[b] as Int32Array)[t] as number] as number[]
        const expected = frame
          .map((k) => k + shift)
          .filter((k) => k >= 0 && k < 88)
          .sort((x, y) => x - y)
        const row = t * 2 + b
        const active = Array.from({ length: 88 }, (_, k) => k).filter((k) => inputs[row * 88 + k] === 1)
        expect(active).toEqual(expected)
      }),
    )
    disposeBlock(block)
    // Without augmentation the plan carries no shifts at all.
    expect(planLanes(pieces, 2, new Rng(5), 4).shift).toBeUndefined()
  })
})
