import type { Frame } from '../../shared/music/index.ts'

/** Weights of what makes a candidate frame less welcome (each a multiple of one nat). */
export interface PenaltyWeights {
  /** The top voice jumps more than a fifth. */
  leap: number
  /** The top voice moves by a third to a fifth (a step or a held note costs nothing). */
  skip: number
  /** Per pair of keys a semitone apart. */
  clash: number
}

/** Pairs of keys a semitone apart in a sorted frame. */
export function semitonePairs(frame: Frame): number {
  let pairs = 0
  for (let i = 1; i < frame.length; i++) if (frame[i]! - frame[i - 1]! === 1) pairs++
  return pairs
}

/**
 * The penalty of a candidate frame: its top key against `previousTop` (the top key of the last frame
 * that sounded, undefined when none did; a silent frame moves nothing), and its semitone clashes.
 */
export function framePenalty(frame: Frame, previousTop: number | undefined, weights: PenaltyWeights): number {
  let penalty = weights.clash * semitonePairs(frame)
  const top = frame.at(-1)
  if (top === undefined || previousTop === undefined) return penalty
  const move = Math.abs(top - previousTop)
  if (move > 7) penalty += weights.leap
  else if (move > 2) penalty += weights.skip
  return penalty
}

/** Index drawn with probability proportional to exp(-penalty): the frame the lane keeps. */
export function pickByPenalty(penalties: readonly number[], uniform: number): number {
  const least = Math.min(...penalties)
  const weights = penalties.map((penalty) => Math.exp(least - penalty))
  let left = uniform * weights.reduce((a, b) => a + b, 0)
  for (let i = 0; i < weights.length; i++) {
    left -= weights[i]!
    if (left < 0) return i
  }
  return weights.length - 1
}
