import * as tf from '@tensorflow/tfjs'
import type { DatasetScore } from './config.ts'
import { blockCount, disposeBlock, makeBlock, planLanes, stepsOf, type Sequence } from './data.ts'
import { bceSummed, disposeStates, forwardBlock, zeroStates } from './network.ts'
import type { NetworkWeights } from './weights.ts'
import { expectedFrameAccuracy } from './accuracy.ts'

/** Lanes and window of the evaluation pass: large, since there is no backward pass to hold memory. */
export interface EvaluateOptions {
  /** Lanes run in parallel. */
  batch?: number
  /** Steps per block. */
  window?: number
  /** Called before the first block and after each block with the fraction done, and the blocks done and in all. */
  onProgress?: (fraction: number, blocksDone: number, blocks: number) => void
}

/**
 * Frame-level NLL and expected accuracy as the literature computes them: each piece starts from a
 * zero state, frame t+1 is scored from frames 0..t (the first frame of each piece is never scored),
 * NLL is the BCE summed over keys, pooled over all scored frames of all pieces / their count.
 */
export function evaluateSequences(weights: NetworkWeights, sequences: Sequence[], options: EvaluateOptions = {}): DatasetScore {
  const window = options.window ?? 64
  // No more lanes than the longest piece can keep busy: every lane runs as long as the longest piece,
  // so extra lanes would only compute padding (64 lanes on MuseData did 3x the needed work).
  const steps = sequences.reduce((n, s) => n + stepsOf(s), 0)
  const longest = Math.max(1, ...sequences.map(stepsOf))
  const batch = Math.max(1, Math.min(options.batch ?? 64, sequences.length, Math.ceil(steps / longest)))
  const plan = planLanes(sequences, batch)
  const blocks = blockCount(plan, window)
  let states = zeroStates(weights, batch)
  let nllSum = 0
  let accSum = 0
  let frames = 0
  options.onProgress?.(0, 0, blocks)
  for (let index = 0; index < blocks; index++) {
    const block = makeBlock(sequences, plan, index, window)
    const out = forwardBlock(weights, block.inputs, states, block.keep)
    const [nll, probs, scored] = tf.tidy(() => [bceSummed(out.logits, block.targets), tf.sigmoid(out.logits), block.scored])
    const nllRows = nll.dataSync()
    const probRows = probs.dataSync() as Float32Array
    const scoredRows = scored.dataSync()
    const keys = out.logits.shape[1]
    for (let row = 0; row < nllRows.length; row++) {
      if (!scoredRows[row]) continue
      const b = row % batch
      const t = index * window + Math.floor(row / batch)
      const seq = sequences[(plan.piece[b] as Int32Array)[t] as number] as Sequence
      const truth = seq[((plan.position[b] as Int32Array)[t] as number) + 1] ?? []
      nllSum += nllRows[row] as number
      accSum += expectedFrameAccuracy(probRows, row * keys, truth, keys)
      frames++
    }
    tf.dispose([nll, probs, out.logits])
    disposeStates(states)
    states = out.states
    disposeBlock(block)
    options.onProgress?.((index + 1) / blocks, index + 1, blocks)
  }
  disposeStates(states)
  return { nll: frames ? nllSum / frames : NaN, accuracy: frames ? accSum / frames : NaN, frames }
}
