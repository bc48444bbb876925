import { performance } from 'node:perf_hooks'
import { CONTINUE_DEFAULTS, type ContinueRequest, type ContinueResponse } from '../shared/ipc/index.ts'
import { generateFrames, type GenerationHooks } from './generate.ts'
import { framesToCandidate, planContinuation } from './plan.ts'
import type { StepModel } from './stepModel.ts'
import { chooseKey } from './chooseKey.ts'
import { decodingOf } from './decoding/fromRequest.ts'
import type { DecodingOptions } from './decoding/options.ts'

/** Nats per frame of head start the model's key choice gives "as written" (see bench:music). */
export const STAY_MARGIN = 0.1

/**
 * Continues a validated request with a model: choose the key, plan, prime, draw every variation in
 * one batch, map back to notes. `overrides` changes decoding settings no request field reaches (the
 * benchmark's ablations).
 */
export async function runContinuation(
  model: StepModel,
  request: ContinueRequest,
  hooks: GenerationHooks = {},
  overrides: Partial<DecodingOptions> = {},
): Promise<ContinueResponse> {
  const started = performance.now()
  const key = await chooseKey(model, request, request.keyChoice ?? CONTINUE_DEFAULTS.keyChoice, STAY_MARGIN)
  const plan = planContinuation(request, model.stepsPerQuarter, key)
  const decoding = { ...decodingOf(request), ...overrides }
  const lanes = await generateFrames(
    model,
    plan,
    { variations: request.variations, seed: request.seed, head: request.head, decoding, bestOf: request.bestOf },
    hooks,
  )
  return {
    requestId: request.requestId,
    candidates: lanes.map((frames) => framesToCandidate(frames, plan)),
    startTick: plan.startTick,
    endTick: plan.endTick,
    key: plan.key,
    elapsedMs: Math.round(performance.now() - started),
  }
}
