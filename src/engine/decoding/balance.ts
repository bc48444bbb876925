import { KEYS } from '../../shared/music/index.ts'
import { pitchClassOf } from './profile.ts'

/** How far a bias may push one key, in logits. */
const LIMIT = 3

/**
 * Pitch-class balance: a push toward the pitch classes that have sounded less, so far, than their
 * share of the primer (and away from those that sounded more). `counts` are the keys of each pitch
 * class sounding in the frames written so far, `expected` how many keys sound per frame, `gain` the
 * logits per frame's worth of shortfall. Returns a bias per key ([KEYS]).
 */
export function pitchClassBias(shares: readonly number[], counts: readonly number[], expected: number, gain: number): Float64Array {
  const written = counts.reduce((a, b) => a + b, 0)
  const total = written + expected
  const scale = Math.max(1, expected)
  const byClass = shares.map((share, pc) => Math.max(-LIMIT, Math.min(LIMIT, (gain * (share * total - counts[pc]!)) / scale)))
  return Float64Array.from({ length: KEYS }, (_, key) => byClass[pitchClassOf(key)]!)
}
