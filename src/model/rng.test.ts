import { describe, expect, it } from 'vitest'
import { Rng } from './rng.ts'

describe('the seeded random generator', () => {
  it('repeats for a seed and differs for another', () => {
    const a = new Rng(5)
    const b = new Rng(5)
    const c = new Rng(6)
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs)
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true)
  })

  it('drops units at the dropout rate, four units per draw, and scales the kept ones', () => {
    for (const rate of [0.5, 0.3, 0.1]) {
      const keep = new Rng(1).dropoutKeep(100_003, rate)
      const kept = keep.reduce((n, k) => n + k, 0) / keep.length
      expect(kept).toBeCloseTo(1 - Math.round(rate * 256) / 256, 2)
      const mask = new Rng(1).dropoutMask(100_003, rate)
      const scale = 1 / (1 - Math.round(rate * 256) / 256)
      mask.forEach((m, i) => expect(m).toBe(keep[i] ? Math.fround(scale) : 0))
    }
  })
})
