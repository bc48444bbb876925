import * as tf from '../model/tf.ts'
import type { DatasetScore, HeadName } from '../model/config.ts'
import { blockCount, disposeBlock, makeBlock, planLanes, stepsOf, type Sequence } from './data.ts'
import type { Frame } from '../shared/music/index.ts'
import { disposeStates, forwardBlock, zeroStates } from '../model/network.ts'
import type { FrameDistribution, OutputHead } from '../model/heads/index.ts'
import { Rng } from '../model/rng.ts'
import type { NetworkWeights } from '../model/weights.ts'
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

/** Validation figures per output head. */
export type HeadScores = Partial<Record<HeadName, DatasetScore>>

/**
 * Frame-level NLL and expected accuracy as the literature computes them: each piece starts from a
 * zero state, frame t+1 is scored from frames 0..t (the first frame of each piece is never scored),
 * NLL is the exact -log p(frame) in nats (for the independent head the BCE summed over keys), pooled
 * over all scored frames of all pieces / their count; every head of `heads` is scored on the same pass.
 * Accuracy is Bay et al.'s expected frame accuracy: in closed form for the independent head, estimated
 * from one seeded sample per frame for the NADE head (whose keys are not independent).
 */
export async function evaluateSequences(
  weights: NetworkWeights,
  sequences: Sequence[],
  heads: OutputHead[],
  options: EvaluateOptions = {},
): Promise<HeadScores> {
  const window = options.window ?? 64
  // No more lanes than the longest piece can keep busy: every lane runs as long as the longest piece,
  // so extra lanes would only compute padding (64 lanes on MuseData did 3x the needed work).
  const steps = sequences.reduce((n, s) => n + stepsOf(s), 0)
  const longest = Math.max(1, ...sequences.map(stepsOf))
  const batch = Math.max(1, Math.min(options.batch ?? 64, sequences.length, Math.ceil(steps / longest)))
  const plan = planLanes(sequences, batch)
  const blocks = blockCount(plan, window)
  const tally = await Promise.all(
    heads.map(async (head) => ({
      head,
      nll: 0,
      accuracy: 0,
      frames: 0,
      distribution: head.name === 'independent' ? null : await head.distribution(weights.head),
      rng: new Rng(1),
    })),
  )
  let states = zeroStates(weights, batch)
  options.onProgress?.(0, 0, blocks)
  for (let index = 0; index < blocks; index++) {
    const block = makeBlock(sequences, plan, index, window)
    const out = forwardBlock(weights, block.inputs, states, block.keep)
    const scoredRows = await block.scored.data()
    const truthOf = (row: number): Frame => {
      const b = row % batch
      const t = index * window + Math.floor(row / batch)
      const seq = sequences[(plan.piece[b] as Int32Array)[t] as number] as Sequence
      return seq[((plan.position[b] as Int32Array)[t] as number) + 1] ?? []
    }
    for (const entry of tally) {
      const [nll, params] = tf.tidy(() => [
        entry.head.nll(weights.head, out.top, block.targets),
        entry.head.stepParams(weights.head, out.top),
      ])
      const nllRows = await nll.data()
      const paramRows = (await params.data()) as Float32Array
      const width = params.shape[1] as number
      const probs = entry.distribution ? null : paramRows.map((logit) => 1 / (1 + Math.exp(-logit)))
      for (let row = 0; row < nllRows.length; row++) {
        if (!scoredRows[row]) continue
        const truth = truthOf(row)
        entry.nll += nllRows[row] as number
        entry.accuracy += probs
          ? expectedFrameAccuracy(probs, row * width, truth, width)
          : sampledFrameAccuracy(entry.distribution as FrameDistribution, paramRows, row * width, truth, entry.rng)
        entry.frames++
      }
      tf.dispose([nll, params])
    }
    tf.dispose(out.top)
    disposeStates(states)
    states = out.states
    disposeBlock(block)
    options.onProgress?.((index + 1) / blocks, index + 1, blocks)
  }
  disposeStates(states)
  const scores: HeadScores = {}
  for (const e of tally)
    scores[e.head.name] = { nll: e.frames ? e.nll / e.frames : NaN, accuracy: e.frames ? e.accuracy / e.frames : NaN, frames: e.frames }
  return scores
}

/** Bay et al.'s frame accuracy of one frame drawn from `distribution` (an unbiased estimate of its expectation). */
function sampledFrameAccuracy(distribution: FrameDistribution, params: Float32Array, offset: number, truth: Frame, rng: Rng): number {
  const drawn = distribution.draw(params, offset, (_, logit) => rng.next() < 1 / (1 + Math.exp(-logit)))
  const isTrue = new Set(truth)
  const tp = drawn.filter((k) => isTrue.has(k)).length
  const denominator = drawn.length + truth.length - tp
  return denominator === 0 ? 1 : tp / denominator
}
