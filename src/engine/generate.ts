import type { Frame } from '../shared/music/index.ts'
import type { ContinuationPlan } from './plan.ts'
import { framesToInput, laneRngs, sampleFrames } from './sampler.ts'
import type { StepModel } from './stepModel.ts'
import type { HeadName } from '../model/config.ts'
import { LaneDecoder, PROTOTYPE_DEFAULTS, primerStats, type DecodingOptions } from './decoding/lane.ts'

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
  temperature: number
  seed: number
  maxPolyphony?: number | undefined
  /** The output layer to draw with (default: the model's first). */
  head?: HeadName | undefined
  /** PROTOTYPE decoding knobs. */
  decoding?: Partial<DecodingOptions> | undefined
}

/**
 * Primes the model on the plan's primer, then writes plan.stepsToWrite frames for every variation in
 * one batch: each step feeds every lane its own last sampled frame. Returns one frame list per lane.
 */
export async function generateFrames(model: StepModel, plan: ContinuationPlan, options: GenerationOptions, hooks: GenerationHooks = {}): Promise<Frame[][]> {
  if (options.decoding) return generateDecoded(model, plan, options, { ...PROTOTYPE_DEFAULTS, temperature: options.temperature, ...options.decoding }, hooks)
  const lanes = options.variations
  const rngs = laneRngs(options.seed, lanes)
  const sampling = { temperature: options.temperature, allowedKeys: plan.allowedKeys, maxPolyphony: options.maxPolyphony }
  const written: Frame[][] = Array.from({ length: lanes }, () => [])
  const session = await model.startSession(lanes, options.head)
  try {
    let params = await session.prime(framesToInput(plan.primer), plan.primer.length)
    for (let step = 0; step < plan.stepsToWrite; step++) {
      if (hooks.yieldToEvents) await hooks.yieldToEvents()
      if (hooks.isCancelled?.()) throw new CancelledError()
      const frames = sampleFrames(params, session.distribution, rngs, sampling)
      frames.forEach((frame, lane) => written[lane]!.push(frame))
      hooks.onProgress?.(step + 1, plan.stepsToWrite)
      if (step + 1 < plan.stepsToWrite) params = await session.step(framesToInput(frames))
    }
    return written
  } finally {
    session.dispose()
  }
}

async function generateDecoded(model: StepModel, plan: ContinuationPlan, options: GenerationOptions, decoding: DecodingOptions, hooks: GenerationHooks): Promise<Frame[][]> {
  const lanes = options.variations * decoding.bestOf
  const rngs = laneRngs(options.seed, lanes)
  const stats = primerStats(plan.primer)
  const decoders = rngs.map((rng) => new LaneDecoder(plan.primer, stats, plan.allowedKeys, plan.stepsPerBar, decoding, rng))
  const session = await model.startSession(lanes, options.head)
  try {
    let params = await session.prime(framesToInput(plan.primer), plan.primer.length)
    for (let step = 0; step < plan.stepsToWrite; step++) {
      if (hooks.yieldToEvents) await hooks.yieldToEvents()
      if (hooks.isCancelled?.()) throw new CancelledError()
      const frames = decoders.map((decoder, lane) => decoder.draw(session.distribution, params, lane * session.distribution.width))
      hooks.onProgress?.(step + 1, plan.stepsToWrite)
      if (step + 1 < plan.stepsToWrite) params = await session.step(framesToInput(frames))
    }
    return Array.from({ length: options.variations }, (_, v) => {
      const group = decoders.filter((_, lane) => lane % options.variations === v)
      return group.reduce((best, d) => (d.logProb > best.logProb ? d : best)).written
    })
  } finally {
    session.dispose()
  }
}
