import { KEYS, type Frame } from '../shared/music/index.ts'
import { Rng } from '../model/rng.ts'

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
 * Draws each key independently (Bernoulli with p = sigmoid(logit / temperature)), as the model was
 * trained to predict, for every lane of a [lanes, 88] logits block. Each key of each lane consumes one
 * draw whether allowed or not, so the stream stays aligned across options.
 */
export function sampleFrames(logits: Float32Array, rngs: readonly Rng[], options: SamplingOptions): Frame[] {
  const frames: Frame[] = []
  for (let lane = 0; lane < rngs.length; lane++) {
    const rng = rngs[lane]!
    const drawn: { key: number; p: number }[] = []
    for (let key = 0; key < KEYS; key++) {
      const p = 1 / (1 + Math.exp(-logits[lane * KEYS + key]! / options.temperature))
      const u = rng.next()
      if (options.allowedKeys[key] && u < p) drawn.push({ key, p })
    }
    if (options.maxPolyphony !== undefined && drawn.length > options.maxPolyphony) {
      drawn.sort((a, b) => b.p - a.p || a.key - b.key)
      drawn.length = options.maxPolyphony
    }
    frames.push(drawn.map((d) => d.key).sort((a, b) => a - b))
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
