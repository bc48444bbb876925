import { headsOf, type HeadName, type ModelConfig } from '../config.ts'
import type { OutputHead } from './head.ts'
import { independentHead } from './independent.ts'
import { nadeHead } from './nade.ts'

export type { FrameDistribution, HeadLoss, HeadWeights, OutputHead } from './head.ts'
export { bceSummed } from './independent.ts'

/** Every output layer by name. */
export const HEADS: Record<HeadName, OutputHead> = { independent: independentHead, nade: nadeHead }

/** The output layers of a checkpoint, the default for generation first. */
export function headsOfConfig(config: ModelConfig): OutputHead[] {
  return headsOf(config).map((name) => HEADS[name])
}

/** One head of a checkpoint, by name; throws with the names it has when it lacks that one. */
export function headOf(config: ModelConfig, name?: HeadName): OutputHead {
  const names = headsOf(config)
  const chosen = name ?? (names[0] as HeadName)
  if (!names.includes(chosen)) throw new Error(`this model has no ${chosen} head (it has: ${names.join(', ')})`)
  return HEADS[chosen]
}
