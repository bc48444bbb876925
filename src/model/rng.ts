/** A seeded pseudo-random generator (mulberry32): the same seed gives the same run on every backend. */
export class Rng {
  private state: number

  /** Starts the stream at `seed` (any 32-bit integer). */
  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296
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

  /** A 32-bit unsigned integer, uniform (the same step as next()). */
  nextUint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  /**
   * Which units dropout keeps, 1 = kept: each dropped with probability `rate`, rounded to a multiple of
   * 1/256. One 32-bit draw decides four units (a byte each): a training block of 512 lanes x 64 steps x
   * 1024 units needs 33.5 M of them, which one draw per unit took ~0.6 s to make in JS.
   */
  dropoutKeep(size: number, rate: number): Uint8Array {
    const keep = new Uint8Array(size)
    const threshold = Math.round(rate * 256)
    let i = 0
    for (; i + 4 <= size; i += 4) {
      const bits = this.nextUint32()
      keep[i] = (bits & 0xff) >= threshold ? 1 : 0
      keep[i + 1] = ((bits >>> 8) & 0xff) >= threshold ? 1 : 0
      keep[i + 2] = ((bits >>> 16) & 0xff) >= threshold ? 1 : 0
      keep[i + 3] = bits >>> 24 >= threshold ? 1 : 0
    }
    if (i < size) {
      const bits = this.nextUint32()
      for (let k = 0; i < size; i++, k += 8) keep[i] = ((bits >>> k) & 0xff) >= threshold ? 1 : 0
    }
    return keep
  }

  /** Inverted-dropout multipliers: 0 where dropoutKeep drops a unit, else 1/(1-rate). */
  dropoutMask(size: number, rate: number): Float32Array {
    const scale = 1 / (1 - Math.round(rate * 256) / 256)
    const keep = this.dropoutKeep(size, rate)
    const mask = new Float32Array(size)
    for (let i = 0; i < size; i++) mask[i] = (keep[i] as number) * scale
    return mask
  }
}

/** `size` floats uniform in [-limit, limit) from `rng`. */
export function uniformArray(rng: Rng, size: number, limit: number): Float32Array {
  const values = new Float32Array(size)
  for (let i = 0; i < size; i++) values[i] = (rng.next() * 2 - 1) * limit
  return values
}
