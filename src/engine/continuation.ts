import { performance } from 'node:perf_hooks'
import type { ContinueRequest, ContinueResponse } from '../shared/ipc/index.ts'
import { generateFrames, type GenerationHooks } from './generate.ts'
import { framesToCandidate, planContinuation } from './plan.ts'
import type { StepModel } from './stepModel.ts'

/** Continues a validated request with a model: plan, prime, sample every variation in one batch, map back to notes. */
export async function runContinuation(model: StepModel, request: ContinueRequest, hooks: GenerationHooks = {}): Promise<ContinueResponse> {
  const started = performance.now()
  const plan = planContinuation(request, model.stepsPerQuarter)
  const lanes = await generateFrames(model, plan, request, hooks)
  return {
    requestId: request.requestId,
    candidates: lanes.map((frames) => framesToCandidate(frames, plan)),
    startTick: plan.startTick,
    endTick: plan.endTick,
    key: plan.key,
    elapsedMs: Math.round(performance.now() - started),
  }
}
