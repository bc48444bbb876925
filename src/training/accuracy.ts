import type { Frame } from '../shared/music/index.ts'
import { KEYS } from '../shared/music/constants.ts'

/**
 * Expected frame accuracy of Bay et al. (TP / (TP + FP + FN)) of one frame under independent
 * Bernoulli samples from `probs` (88 key probabilities starting at `offset`), in closed form:
 * with n true keys, TP + FN = n always, TP and FP are independent sums over disjoint keys, so
 * E[TP / (n + FP)] = E[TP] * E[1 / (n + FP)], and FP's distribution (a Poisson binomial) comes from an
 * exact O(keys^2) recursion. A frame with no true keys scores 1 when nothing is sampled (0/0 counted as
 * a correct silence) and 0 otherwise, so its expectation is P(FP = 0).
 */
export function expectedFrameAccuracy(probs: Float32Array, offset: number, truth: Frame, keys = KEYS): number {
  const isTrue = new Uint8Array(keys)
  for (const k of truth) isTrue[k] = 1
  let expectedTp = 0
  const dist = new Float64Array(keys + 1)
  dist[0] = 1
  let support = 0
  for (let k = 0; k < keys; k++) {
    const p = probs[offset + k] as number
    if (isTrue[k]) {
      expectedTp += p
      continue
    }
    support++
    for (let j = support; j > 0; j--) dist[j] = (dist[j] as number) * (1 - p) + (dist[j - 1] as number) * p
    dist[0] = (dist[0] as number) * (1 - p)
  }
  const n = truth.length
  if (n === 0) return dist[0] as number
  let inverse = 0
  for (let j = 0; j <= support; j++) inverse += (dist[j] as number) / (n + j)
  return expectedTp * inverse
}
