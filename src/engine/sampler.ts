import { KEYS, type Frame } from '../shared/music/index.ts'
import { Rng } from '../model/rng.ts'

/**
 * One random stream per lane, seeded from the request's seed and the lane's index, so that variation
 * i of a request is the same whether 1 or 8 variations were asked for.
 */
export function laneRngs(seed: number, lanes: number): Rng[] {
  return Array.from({ length: lanes }, (_, lane) => new Rng((seed ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0))
}

/** Packs frames into a [frames.length, 88] 0/1 buffer, the model's input format. */
export function framesToInput(frames: readonly Frame[]): Float32Array {
  const input = new Float32Array(frames.length * KEYS)
  frames.forEach((frame, row) => {
    for (const key of frame) input[row * KEYS + key] = 1
  })
  return input
}
