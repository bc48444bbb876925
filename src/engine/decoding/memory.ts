import { KEYS, type Frame } from '../../shared/music/index.ts'

/**
 * Phrase memory: what was playing 1, 2, 4 or 8 bars ago is what a continuation most often plays
 * next (measured on the validation splits: copying the frame 8 bars back matches the real next bars of
 * Nottingham tunes better than anything a model samples). Each step, the keys of those earlier frames
 * get a push; which bars back count most is decided by the model, frame by frame.
 */

/** The distances back, in frames, of `bars` bars that `available` frames of history can reach. */
export function memoryLags(bars: readonly number[], stepsPerBar: number, available: number): number[] {
  return bars.map((count) => count * stepsPerBar).filter((lag) => lag > 0 && lag <= available)
}

/** Weights from log-scores: a softmax, so that the lag the model finds most likely leads. */
export function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores)
  const weights = scores.map((score) => Math.exp(score - top))
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((weight) => weight / total)
}

/**
 * The push toward each key (logits, [KEYS]): `strength` times the weighted share of the earlier
 * `frames` that hold it. Keys none of them hold get nothing; the density control keeps the amount.
 */
export function memoryBias(frames: readonly Frame[], weights: readonly number[], strength: number): Float64Array {
  const bias = new Float64Array(KEYS)
  frames.forEach((frame, i) => {
    for (const key of frame) bias[key]! += strength * weights[i]!
  })
  return bias
}
