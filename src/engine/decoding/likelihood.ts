import type { Frame } from '../../shared/music/index.ts'
import type { FrameDistribution } from '../../model/heads/index.ts'

/** log(sigmoid(x)), without overflow for large |x|. */
export function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x))
}

/**
 * The model's log-probability (nats) of `frame` from one lane's head parameters at `offset`: the head
 * decides keys in its own order and each decision is the frame's, so a chord-aware head conditions every
 * key on the frame's keys below it.
 */
export function frameLogProb(distribution: FrameDistribution, params: Float32Array, offset: number, frame: Frame): number {
  const on = new Set(frame)
  let logProb = 0
  distribution.draw(params, offset, (key, logit) => {
    const sounds = on.has(key)
    logProb += logSigmoid(sounds ? logit : -logit)
    return sounds
  })
  return logProb
}
