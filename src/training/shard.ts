import * as tf from '../model/tf.ts'
import { lossAndGradients } from './backprop.ts'
import type { DatasetScore, ModelConfig } from '../model/config.ts'
import { blockCount, checkLaneRange, disposeBlock, laneRange, makeBlock, planLanes, type LanePlan, type Sequence } from './data.ts'
import type { LayerState } from '../model/lstm.ts'
import { disposeStates, zeroStates } from '../model/network.ts'
import { Rng } from '../model/rng.ts'
import type { NetworkWeights } from '../model/weights.ts'
import { headsOfConfig } from '../model/heads/index.ts'

/**
 * One shard of data-parallel training: lanes lo..hi-1 of every block. A single-process run is the
 * one shard 0..batch; with N shards each computes the gradient of its lanes and the coordinator
 * averages them weighted by scored frames, which is the gradient of the whole block.
 */
export interface ShardSpec {
  /** The network (sizes, dropout, keys). */
  config: ModelConfig
  /** All training pieces, in the same order in every shard. */
  sequences: Sequence[]
  /** Lanes of the whole block. */
  batch: number
  /** Truncated-BPTT window in steps. */
  window: number
  /** The run's seed: lane plans and dropout masks depend only on it and the data position. */
  seed: number
  /** First lane of this shard. */
  lo: number
  /** One past its last lane. */
  hi: number
  /** Pieces longer than this many steps are laid out as segments (0 = whole pieces; see planLanes)... */
  segment: number
  /** ...from this epoch on (a run resumed from before segments existed keeps its epoch's plan). */
  segmentFromEpoch: number
  /** Transposition augmentation: each segment moves by a random -transpose..+transpose semitones (0 = none). */
  transpose?: number
}

/** What one shard computed for one block: its mean loss, scored frames and mean-loss gradients by weight name. */
export interface ShardOutput {
  loss: number
  /** The loss of each head (they add up to `loss`). */
  headLosses: Record<string, number>
  scored: number
  grads: Map<string, tf.Tensor>
}

/** Seed of block `block` of epoch `epoch` (block -1 seeds the epoch's shuffle). */
export function blockSeed(seed: number, epoch: number, block: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(epoch + 1, 0x85ebca6b) + Math.imul(block + 1, 0xc2b2ae35)) >>> 0
}

/** Splits `batch` lanes into `shards` contiguous ranges as even as possible. */
export function shardRanges(batch: number, shards: number): [number, number][] {
  if (!Number.isInteger(shards) || shards < 1 || shards > batch) throw new Error(`cannot split ${batch} lanes into ${shards} shards`)
  return Array.from({ length: shards }, (_, i) => [Math.floor((i * batch) / shards), Math.floor(((i + 1) * batch) / shards)])
}

/**
 * Inverted-dropout masks for lanes lo..hi-1 of a `steps` x `batch` block: the rows of the whole block's
 * masks, drawn from `rng` in the order a single process draws them, so that a sharded run drops
 * exactly the units an unsharded one would.
 */
export function dropoutMasks(
  rng: Rng,
  hiddenSizes: number[],
  steps: number,
  batch: number,
  lo: number,
  hi: number,
  rate: number,
): tf.Tensor2D[] {
  if (rate <= 0) return []
  const rows = steps * batch
  const width = hi - lo
  const scale = 1 / (1 - Math.round(rate * 256) / 256)
  return hiddenSizes.map((hidden) => {
    const full = rng.dropoutKeep(rows * hidden, rate)
    let part = full
    if (width !== batch) {
      part = new Uint8Array(steps * width * hidden)
      for (let t = 0; t < steps; t++) part.set(full.subarray((t * batch + lo) * hidden, (t * batch + hi) * hidden), t * width * hidden)
    }
    // Sent as bytes (a quarter of float32's upload) and scaled on the backend.
    return tf.tidy(() => tf.mul(tf.cast(tf.tensor2d(part, [steps * width, hidden], 'bool'), 'float32'), scale) as tf.Tensor2D)
  })
}

/**
 * Runs one shard block after block, carrying its lanes' recurrent state from a block to the next one
 * and starting from zero at an epoch's first block or whenever the blocks asked for are not consecutive
 * (after a resume).
 */
export class ShardTrainer {
  private plan: { epoch: number; lanes: LanePlan; blocks: number } | null = null
  private states: LayerState[] | null = null
  private last: { epoch: number; block: number } | null = null

  constructor(readonly spec: ShardSpec) {
    checkLaneRange(spec.lo, spec.hi, spec.batch)
  }

  /** Blocks in epoch `epoch` (the same in every shard: the whole plan's length). */
  blocks(epoch: number): number {
    return this.planOf(epoch).blocks
  }

  /** Forward and backward over this shard's part of block `block` of epoch `epoch`. */
  async step(weights: NetworkWeights, epoch: number, block: number): Promise<ShardOutput> {
    const { config, sequences, batch, window, lo, hi } = this.spec
    const plan = this.planOf(epoch)
    const consecutive = this.last !== null && this.last.epoch === epoch && this.last.block + 1 === block
    if (!consecutive || !this.states) {
      if (this.states) disposeStates(this.states)
      this.states = zeroStates(weights, hi - lo)
    }
    const data = makeBlock(sequences, plan.lanes, block, window, config.inputKeys)
    const masks = dropoutMasks(
      new Rng(blockSeed(this.spec.seed, epoch, block)),
      config.hiddenSizes,
      data.steps,
      batch,
      lo,
      hi,
      config.dropout,
    )
    // A shard whose lanes are all padding in this block contributes zero loss and zero gradients.
    const result = lossAndGradients(
      weights,
      data.scoredCount ? data : { ...data, scoredCount: 1 },
      this.states,
      masks,
      headsOfConfig(config),
    )
    const stacked = tf.stack([result.loss, ...Object.values(result.headLosses)])
    const losses = (await stacked.data()) as Float32Array
    stacked.dispose()
    const loss = losses[0] as number
    const headLosses = Object.fromEntries(Object.keys(result.headLosses).map((name, i) => [name, losses[i + 1] as number]))
    disposeStates(this.states)
    this.states = result.states
    tf.dispose([result.loss, ...Object.values(result.headLosses), ...masks])
    const scored = data.scoredCount
    disposeBlock(data)
    this.last = { epoch, block }
    return { loss, headLosses, scored, grads: result.grads }
  }

  /** Frees the carried state. */
  dispose(): void {
    if (this.states) disposeStates(this.states)
    this.states = null
    this.last = null
  }

  private planOf(epoch: number): { epoch: number; lanes: LanePlan; blocks: number } {
    if (this.plan?.epoch !== epoch) {
      const { segment, segmentFromEpoch } = this.spec
      const whole = planLanes(
        this.spec.sequences,
        this.spec.batch,
        new Rng(blockSeed(this.spec.seed, epoch, -1)),
        epoch >= segmentFromEpoch ? segment : 0,
        this.spec.transpose ?? 0,
      )
      this.plan = { epoch, lanes: laneRange(whole, this.spec.lo, this.spec.hi), blocks: blockCount(whole, this.spec.window) }
    }
    return this.plan
  }
}

/**
 * The whole block's loss and gradients from its shards': each shard's mean weighted by its share of the
 * scored frames. Takes ownership of the shards' gradient tensors.
 */
export function combineShards(outputs: ShardOutput[]): ShardOutput {
  const [first] = outputs
  if (!first) throw new Error('no shard outputs to combine')
  if (outputs.length === 1) return first
  const scored = outputs.reduce((n, o) => n + o.scored, 0)
  const share = outputs.map((o) => (scored ? o.scored / scored : 1 / outputs.length))
  const grads = new Map<string, tf.Tensor>()
  for (const name of first.grads.keys()) {
    const parts = outputs.map((o) => {
      const g = o.grads.get(name)
      if (!g) throw new Error(`a shard has no gradient for ${name}`)
      return g
    })
    grads.set(
      name,
      tf.tidy(() => tf.addN(parts.map((g, i) => tf.mul(g, share[i] as number)))),
    )
    tf.dispose(parts)
  }
  const headLosses: Record<string, number> = {}
  for (const name of Object.keys(first.headLosses))
    headLosses[name] = outputs.reduce((sum, o, i) => sum + (o.headLosses[name] ?? 0) * (share[i] as number), 0)
  return { loss: outputs.reduce((sum, o, i) => sum + o.loss * (share[i] as number), 0), headLosses, scored, grads }
}

/** Splits pieces into `parts` groups of about equal training steps (longest first onto the lightest group); returns indices. */
export function splitPieces(sequences: Sequence[], parts: number): number[][] {
  const groups: number[][] = Array.from({ length: parts }, () => [])
  const load = new Array<number>(parts).fill(0)
  const order = sequences.map((_, i) => i).sort((a, b) => (sequences[b] as Sequence).length - (sequences[a] as Sequence).length)
  for (const i of order) {
    let best = 0
    for (let g = 1; g < parts; g++) if ((load[g] as number) < (load[best] as number)) best = g
    ;(groups[best] as number[]).push(i)
    load[best] = (load[best] as number) + (sequences[i] as Sequence).length
  }
  return groups
}

/** One thread's share of a validation pass: pieces of one set. */
export interface ValidationItem {
  set: number
  pieces: number[]
}

/**
 * Shares a validation pass between `threads` threads: every set's pieces are split into groups of about
 * equal length. (Giving whole sets to threads looked better on paper, since a set costs about as many
 * steps as its longest piece whatever the lanes hold, but measured worse here: with both threads
 * evaluating at once each ran at about half speed, and MuseData alone then outlasted the rest.)
 */
export function validationWork(sets: Sequence[][], threads: number): ValidationItem[][] {
  const work: ValidationItem[][] = Array.from({ length: threads }, () => [])
  sets.forEach((pieces, set) =>
    splitPieces(pieces, threads).forEach((group, k) => group.length && (work[k] as ValidationItem[]).push({ set, pieces: group })),
  )
  return work
}

/** Pools the scores of disjoint parts of one set: NLL and accuracy weighted by scored frames. */
export function mergeScores(parts: DatasetScore[]): DatasetScore {
  const counted = parts.filter((p) => p.frames > 0)
  const frames = counted.reduce((n, p) => n + p.frames, 0)
  if (!frames) return { nll: NaN, accuracy: NaN, frames: 0 }
  if (counted.length === 1) return counted[0] as DatasetScore
  return {
    nll: counted.reduce((sum, p) => sum + p.nll * p.frames, 0) / frames,
    accuracy: counted.reduce((sum, p) => sum + p.accuracy * p.frames, 0) / frames,
    frames,
  }
}
