import { performance } from 'node:perf_hooks'
import type { ContinueRequest, ContinueResponse } from '../shared/ipc/index.ts'
import { generateFrames, type GenerationHooks } from './generate.ts'
import { framesToCandidate, planContinuation, transposeFrames } from './plan.ts'
import type { StepModel } from './stepModel.ts'
import type { DecodingOptions } from './decoding/lane.ts'

/** Continues a validated request with a model: plan, prime, sample every variation in one batch, map back to notes. */
export async function runContinuation(model: StepModel, request: ContinueRequest, hooks: GenerationHooks = {}, decoding?: Partial<DecodingOptions>): Promise<ContinueResponse> {
  const started = performance.now()
  let shift: number | undefined = decoding?.keyPolicy === 'none' ? 0 : undefined
  if (decoding?.keyPolicy === 'model') {
    const plain = planContinuation(request, model.stepsPerQuarter, 0).primer.slice(-(decoding.keyWindow ?? 16))
    const shifts = [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6]
    const input = new Float32Array(shifts.length * plain.length * 88)
    shifts.forEach((s, b) => transposeFrames(plain, s).forEach((frame, t) => frame.forEach((key) => (input[(b * plain.length + t) * 88 + key] = 1))))
    const scores = await model.logLikelihoods(input, plain.length, shifts.length, request.head)
    scores[0]! += decoding.keyMargin ?? 0
    shift = shifts[scores.indexOf(Math.max(...scores))]
  }
  const plan = planContinuation(request, model.stepsPerQuarter, shift)
  const lanes = await generateFrames(model, plan, { ...request, decoding }, hooks)
  return {
    requestId: request.requestId,
    candidates: lanes.map((frames) => framesToCandidate(frames, plan)),
    startTick: plan.startTick,
    endTick: plan.endTick,
    key: plan.key,
    elapsedMs: Math.round(performance.now() - started),
  }
}
