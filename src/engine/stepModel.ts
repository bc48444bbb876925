/**
 * What the continuation engine needs from a network: prime it on frames, then step it one frame per
 * lane. The model code implements it; the engine knows nothing of tensors.
 */
export interface StepModel {
  /** Model steps per quarter note (the checkpoint's resolution). */
  readonly stepsPerQuarter: number
  /** A fresh recurrent state for `lanes` lanes run side by side in one batch. */
  startSession(lanes: number): GenerationSession
}

/** One generation's recurrent state; dispose() frees it. */
export interface GenerationSession {
  /**
   * Feeds `count` frames ([count, 88] 0/1, row-major) to every lane and returns the logits that
   * predict the frame after the last one, [lanes, 88]. With count 0 it returns the logits of the
   * first frame of a piece.
   */
  prime(frames: Float32Array, count: number): Float32Array
  /** Feeds one frame per lane ([lanes, 88]) and returns the next logits, [lanes, 88]. */
  step(input: Float32Array): Float32Array
  /** Frees the state. */
  dispose(): void
}
