import type { FrameDistribution } from '../model/heads/index.ts'
import type { HeadName } from '../model/config.ts'

/**
 * What the continuation engine needs from a network: prime it on frames, then step it one frame per
 * lane. The model code implements it; the engine knows nothing of tensors.
 */
export interface StepModel {
  /** Model steps per quarter note (the checkpoint's resolution). */
  readonly stepsPerQuarter: number
  /** The output layers the model offers, its default first. */
  readonly heads: readonly HeadName[]
  /** A fresh recurrent state for `lanes` lanes run side by side in one batch, drawing with `head` (default: the first). */
  startSession(lanes: number, head?: HeadName): Promise<GenerationSession>
  /**
   * How likely the model finds each of `alternatives` frame sequences of `count` frames, run side by side
   * in one batch from a fresh state: the log-likelihood in nats under `head` (default: the first), each
   * frame predicted from those before it and the first from an empty frame. `frames` is
   * [alternatives, count, 88] 0/1, row-major.
   */
  logLikelihoods(frames: Float32Array, count: number, alternatives: number, head?: HeadName): Promise<number[]>
}

/** One generation's recurrent state; dispose() frees it. */
export interface GenerationSession {
  /** How a frame is drawn from one lane's parameters (the head's sampler). */
  readonly distribution: FrameDistribution
  /**
   * Feeds `count` frames ([count, 88] 0/1, row-major) to every lane and returns the head's parameters
   * for the frame after the last one, [lanes, distribution.width]. With count 0 it returns those of the
   * first frame of a piece.
   */
  prime(frames: Float32Array, count: number): Promise<Float32Array>
  /** Feeds one frame per lane ([lanes, 88]) and returns the next parameters, [lanes, distribution.width]. */
  step(input: Float32Array): Promise<Float32Array>
  /** Frees the state. */
  dispose(): void
}
