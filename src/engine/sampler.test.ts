import { describe, expect, it } from 'vitest'
import { framesToInput, laneRngs, sampleFrames } from './sampler.ts'
import { independentHead } from '../model/heads/independent.ts'

const independent = await independentHead.distribution(new Map())

const all = new Array<boolean>(88).fill(true)
const logitsOf = (lanes: number, value: (key: number) => number): Float32Array => {
  const logits = new Float32Array(lanes * 88)
  for (let lane = 0; lane < lanes; lane++) for (let key = 0; key < 88; key++) logits[lane * 88 + key] = value(key)
  return logits
}

describe('sampleFrames', () => {
  it('is reproducible for a seed, and variation i does not depend on how many were asked for', () => {
    const logits = logitsOf(4, () => 0)
    const four = sampleFrames(logits, independent, laneRngs(7, 4), { temperature: 1, allowedKeys: all })
    expect(sampleFrames(logits, independent, laneRngs(7, 4), { temperature: 1, allowedKeys: all })).toEqual(four)
    expect(sampleFrames(logitsOf(1, () => 0), independent, laneRngs(7, 1), { temperature: 1, allowedKeys: all })[0]).toEqual(four[0])
    expect(sampleFrames(logits, independent, laneRngs(8, 4), { temperature: 1, allowedKeys: all })).not.toEqual(four)
    expect(new Set(four.map((f) => f.join())).size).toBe(4)
  })

  it('draws each key with probability sigmoid(logit / temperature)', () => {
    const logits = logitsOf(1, (key) => (key < 44 ? 2 : -2))
    const count = (temperature: number) => {
      const rngs = laneRngs(1, 1)
      let low = 0
      for (let i = 0; i < 400; i++) low += sampleFrames(logits, independent, rngs, { temperature, allowedKeys: all })[0]!.filter((k) => k < 44).length
      return low / (400 * 44)
    }
    expect(count(1)).toBeCloseTo(1 / (1 + Math.exp(-2)), 1) // 0.88
    expect(count(4)).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 1) // 0.62
  })

  it('never draws keys outside the allowed set, and caps polyphony keeping the most probable', () => {
    const allowed = all.map((_, key) => key >= 30 && key < 60)
    const logits = logitsOf(2, (key) => 10 - key * 0.01)
    const frames = sampleFrames(logits, independent, laneRngs(3, 2), { temperature: 1, allowedKeys: allowed, maxPolyphony: 4 })
    for (const frame of frames) expect(frame).toEqual([30, 31, 32, 33])
  })
})

describe('framesToInput', () => {
  it('packs frames into 0/1 rows of 88', () => {
    const input = framesToInput([[0, 87], [5]])
    expect(input.length).toBe(176)
    expect([input[0], input[87], input[88 + 5], input.reduce((a, b) => a + b, 0)]).toEqual([1, 1, 1, 3])
  })
})
