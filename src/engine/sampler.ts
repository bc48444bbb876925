import { KEYS, type Frame } from '../shared/music/index.ts'
import { Rng } from '../model/rng.ts'
import type { FrameDistribution } from '../model/heads/index.ts'

/** How one step's keys are drawn from the model's logits. */
export interface SamplingOptions {
  /** Divides the logits: below 1 sharper (safer), above 1 flatter (wilder). */
  temperature: number
  /** Keys that may sound (model key space); others are never drawn. */
  allowedKeys: readonly boolean[]
  /** At most this many keys per frame: the most probable of those drawn are kept. */
  maxPolyphony?: number | undefined
}

/**
 * One random stream per variation, seeded from the request's seed and the variation's index, so that
 * variation i of a request is the same whether 1 or 8 variations were asked for.
 */
export function laneRngs(seed: number, lanes: number): Rng[] {
  return Array.from({ length: lanes }, (_, lane) => new Rng((seed ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0))
}

/**
 * Draws one frame per lane from the head's parameters ([lanes, distribution.width]): key by key, low to
 * high, each with p = sigmoid(logit / temperature), where the head gives each key's logit knowing the
 * keys drawn below it (the independent head's logits ignore them). Each key of each lane consumes one
 * draw whether allowed or not, so the stream stays aligned across options. With a polyphony cap the
 * most probable of the drawn keys are kept.
 */
export function sampleFrames(params: Float32Array, distribution: FrameDistribution, rngs: readonly Rng[], options: SamplingOptions): Frame[] {
  const frames: Frame[] = []
  for (let lane = 0; lane < rngs.length; lane++) {
    const rng = rngs[lane]!
    const chance = new Float64Array(KEYS)
    const drawn = distribution.draw(params, lane * distribution.width, (key, logit) => {
      const p = 1 / (1 + Math.exp(-logit / options.temperature))
      chance[key] = p
      return rng.next() < p && options.allowedKeys[key] === true
    })
    if (options.maxPolyphony !== undefined && drawn.length > options.maxPolyphony) {
      drawn.sort((a, b) => chance[b]! - chance[a]! || a - b)
      drawn.length = options.maxPolyphony
    }
    frames.push(drawn.sort((a, b) => a - b))
  }
  return frames
}

/** Packs frames into a [frames.length, 88] 0/1 buffer, the model's input format. */
export function framesToInput(frames: readonly Frame[]): Float32Array {
  const input = new Float32Array(frames.length * KEYS)
  frames.forEach((frame, row) => {
    for (const key of frame) input[row * KEYS + key] = 1
  })
  return input
}
