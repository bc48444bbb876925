import { describe, expect, it } from 'vitest'
import { framesToInput, laneRngs } from './sampler.ts'

describe('laneRngs', () => {
  it('gives lane i the same stream whatever the number of lanes, another for another seed', () => {
    const first = (rngs: { next(): number }[]) => rngs.map((rng) => rng.next())
    expect(first(laneRngs(7, 4)).slice(0, 2)).toEqual(first(laneRngs(7, 2)))
    expect(first(laneRngs(8, 2))).not.toEqual(first(laneRngs(7, 2)))
    expect(new Set(first(laneRngs(7, 4))).size).toBe(4)
  })
})

describe('framesToInput', () => {
  it('packs frames into 0/1 rows of 88', () => {
    const input = framesToInput([[0, 87], [5]])
    expect(input.length).toBe(176)
    expect([input[0], input[87], input[88 + 5], input.reduce((a, b) => a + b, 0)]).toEqual([1, 1, 1, 3])
  })
})
