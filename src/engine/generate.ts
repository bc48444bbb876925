import type { Frame } from '../shared/music/index.ts'
import type { ContinuationPlan } from './plan.ts'
import { framesToInput, laneRngs } from './sampler.ts'
import type { StepModel } from './stepModel.ts'
import type { HeadName } from '../model/config.ts'
import { LaneDecoder } from './decoding/laneDecoder.ts'
import { primerProfile } from './decoding/profile.ts'
import type { DecodingOptions } from './decoding/options.ts'

/** Thrown when a generation is cancelled; the caller answers the request with it. */
export class CancelledError extends Error {
  override name = 'CancelledError'
  constructor() {
    super('the generation was cancelled')
  }
}

/** How a generation talks to whoever runs it. */
export interface GenerationHooks {
  /** Called with the frames written so far (of every lane at once) and the total. */
  onProgress?(done: number, total: number): void
  /** Lets pending messages (a cancel) in between steps. */
  yieldToEvents?(): Promise<void>
  /** True once the generation should stop. */
  isCancelled?(): boolean
}

/** What to sample. */
export interface GenerationOptions {
  variations: number
  seed: number
  /** The output layer to draw with (default: the model's first). */
  head?: HeadName | undefined
  /** How each frame is drawn (see decoding/options.ts). */
  decoding: DecodingOptions
  /** Continuations drawn per variation, the one the model finds most likely kept (default 1). */
  bestOf?: number | undefined
}

/**
 * Primes the model on the plan's primer, then writes plan.stepsToWrite frames for every lane in one
 * batch (variations x bestOf lanes): each step feeds every lane its own last frame. Returns one frame
 * list per variation: with bestOf > 1, the lane of its group the model finds most likely.
 */
export async function generateFrames(
  model: StepModel,
  plan: ContinuationPlan,
  options: GenerationOptions,
  hooks: GenerationHooks = {},
): Promise<Frame[][]> {
  const bestOf = Math.max(1, options.bestOf ?? 1)
  const lanes = options.variations * bestOf
  const context = {
    primer: plan.primer,
    profile: primerProfile(plan.primer, options.decoding.pitchHalfLife),
    allowedKeys: plan.allowedKeys,
    stepsPerBar: plan.stepsPerBar,
  }
  // Lane i draws with variation i's stream, so that variation i is the same whether 1 or 8 were asked for.
  const decoders = laneRngs(options.seed, lanes).map((rng) => new LaneDecoder(context, options.decoding, rng))
  const session = await model.startSession(lanes, options.head)
  try {
    const width = session.distribution.width
    let params = await session.prime(framesToInput(plan.primer), plan.primer.length)
    for (let step = 0; step < plan.stepsToWrite; step++) {
      if (hooks.yieldToEvents) await hooks.yieldToEvents()
      if (hooks.isCancelled?.()) throw new CancelledError()
      const frames = decoders.map((decoder, lane) => decoder.draw(session.distribution, params, lane * width))
      hooks.onProgress?.(step + 1, plan.stepsToWrite)
      if (step + 1 < plan.stepsToWrite) params = await session.step(framesToInput(frames))
    }
    return Array.from({ length: options.variations }, (_, variation) => {
      const group = decoders.filter((_, lane) => lane % options.variations === variation)
      return group.reduce((best, decoder) => (decoder.logProb > best.logProb ? decoder : best)).written
    })
  } finally {
    session.dispose()
  }
}
