/** A seeded pseudo-random generator (mulberry32): the same seed gives the same run on every backend. */
export class Rng {
  private state: number

  /** Starts the stream at `seed` (any 32-bit integer). */
  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      const tmp = items[i] as T
      items[i] = items[j] as T
      items[j] = tmp
    }
    return items
  }

  /** Fills a Float32Array with inverted-dropout multipliers: 0 with probability `rate`, else 1/(1-rate). */
  dropoutMask(size: number, rate: number): Float32Array {
    const mask = new Float32Array(size)
    const keep = 1 / (1 - rate)
    for (let i = 0; i < size; i++) mask[i] = this.next() < rate ? 0 : keep
    return mask
  }
}

/** `size` floats uniform in [-limit, limit) from `rng`. */
export function uniformArray(rng: Rng, size: number, limit: number): Float32Array {
  const values = new Float32Array(size)
  for (let i = 0; i < size; i++) values[i] = (rng.next() * 2 - 1) * limit
  return values
}
