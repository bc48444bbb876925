import * as tf from '../model/tf.ts'
import type { BackendChoice } from '../shared/ipc/index.ts'
import { Adam } from './adam.ts'
import type { DatasetScore, HeadName, ModelConfig } from '../model/config.ts'
import { headsOfConfig } from '../model/heads/index.ts'
import type { PianoRollSet, Sequence } from './data.ts'
import { evaluateSequences, type HeadScores } from './evaluate.ts'
import { combineShards, mergeScores, shardRanges, ShardTrainer, validationWork, type ShardSpec } from './shard.ts'
import { ShardPool } from './shardPool.ts'
import { namedWeights, weightsFromMap, type NetworkWeights } from '../model/weights.ts'

/** Validation scores per set and pooled over every scored frame. */
export interface Validation {
  /** Per set, of the first (default) head. */
  scores: Record<string, DatasetScore>
  /** Per head, per set. */
  byHead: Partial<Record<HeadName, Record<string, DatasetScore>>>
  /** Per head, pooled over every scored frame of every set. */
  pooledByHead: Partial<Record<HeadName, number>>
  /** What the run selects on: the heads' pooled NLLs summed (the one pooled NLL when there is one head). */
  pooled: number
}

/** What a BlockTrainer starts from. */
export interface BlockTrainerOptions {
  /** Network, data, lanes, window and seed of the run. */
  spec: Omit<ShardSpec, 'lo' | 'hi'>
  /** Threads sharing each block: this one plus threads-1 workers, one backend each. */
  threads: number
  /** Validation sets (workers score their share of them). */
  valid: PianoRollSet[]
  /** Backend of the workers (default: the one this thread runs on). */
  backend?: BackendChoice
  /** The starting weights; the trainer owns them from here on (see `weights`). */
  weights: NetworkWeights
  /** The optimizer, possibly restored from a resume file; stays owned by the caller. */
  adam: Adam
}

/** The BackendChoice of the active tfjs backend, so that workers start the same one. */
export function activeChoice(): BackendChoice {
  const name = tf.getBackend()
  return name === 'wasm' || name === 'cpu' || name === 'webgpu' ? name : 'node-gpu'
}

/**
 * Trains block by block on one thread or several (data-parallel: each thread computes the gradients of
 * its lanes, this thread averages them, applies Adam and sends the new weights out), and validates
 * with the pieces split between the threads. With one thread it is exactly the plain loop.
 */
export class BlockTrainer {
  private constructor(
    private readonly config: ModelConfig,
    private readonly own: ShardTrainer,
    private readonly pool: ShardPool | null,
    private readonly adam: Adam,
    private current: NetworkWeights,
  ) {}

  /** Starts the workers (if threads > 1) and sends them the weights. */
  static async start(options: BlockTrainerOptions): Promise<BlockTrainer> {
    const ranges = shardRanges(options.spec.batch, options.threads)
    const [lo, hi] = ranges[0] as [number, number]
    const pool =
      ranges.length > 1
        ? await ShardPool.start({ ...options.spec, valid: options.valid, backend: options.backend ?? activeChoice() }, ranges.slice(1))
        : null
    try {
      await pool?.setWeights(namedWeights(options.weights))
    } catch (error) {
      await pool?.close()
      throw error
    }
    return new BlockTrainer(options.spec.config, new ShardTrainer({ ...options.spec, lo, hi }), pool, options.adam, options.weights)
  }

  /** The current weights (owned by the trainer until close; replaced by every update). */
  get weights(): NetworkWeights {
    return this.current
  }

  /** Threads sharing each block. */
  get threads(): number {
    return 1 + (this.pool?.size ?? 0)
  }

  /** Lane ranges per thread, for the log. */
  describe(): string {
    return shardRanges(this.own.spec.batch, this.threads)
      .map(([lo, hi]) => `${lo}-${hi - 1}`)
      .join(', ')
  }

  /** Blocks in epoch `epoch`. */
  blocks(epoch: number): number {
    return this.own.blocks(epoch)
  }

  /** One Adam update on block `block` of epoch `epoch`: the block's mean loss, its scored frames and the gradient norm before clipping. */
  async update(
    epoch: number,
    block: number,
    lr: number,
  ): Promise<{ loss: number; headLosses: Record<string, number>; scored: number; gradNorm: number }> {
    const remote = this.pool?.step(epoch, block)
    // Awaited below; this only keeps a worker failure during our own shard from going unhandled.
    remote?.catch(() => undefined)
    const mine = await this.own.step(this.current, epoch, block)
    const result = combineShards([mine, ...(remote ? await remote : [])])
    const applied = await this.adam.apply(namedWeights(this.current), result.grads, lr)
    this.current = weightsFromMap(this.config, applied.params)
    await this.pool?.setWeights(namedWeights(this.current))
    return { loss: result.loss, headLosses: result.headLosses, scored: result.scored, gradNorm: applied.gradNorm }
  }

  /** Frame-level NLL and accuracy on every set, pooled over frames, the pieces shared between the threads (see validationWork). */
  async validate(sets: PianoRollSet[]): Promise<Validation> {
    const pool = this.pool
    const work = validationWork(
      sets.map((set) => set.sequences),
      this.threads,
    )
    // Queue every worker's share first, then do this thread's share while they run.
    const remote = pool
      ? work.slice(1).flatMap((items, k) => items.map(({ set, pieces }) => pool.evaluate(k, set, pieces).then((score) => ({ set, score }))))
      : []
    for (const r of remote) r.catch(() => undefined)
    const heads = headsOfConfig(this.config)
    const parts: { set: number; score: HeadScores }[] = []
    for (const { set, pieces } of work[0] ?? [])
      parts.push({
        set,
        score: await evaluateSequences(
          this.current,
          pieces.map((i) => sets[set]?.sequences[i] as Sequence),
          heads,
        ),
      })
    parts.push(...(await Promise.all(remote)))
    const byHead: Validation['byHead'] = {}
    const pooledByHead: Validation['pooledByHead'] = {}
    for (const { name } of heads) {
      const scores: Record<string, DatasetScore> = {}
      let sum = 0
      let frames = 0
      for (const [s, set] of sets.entries()) {
        const score = mergeScores(parts.filter((p) => p.set === s).map((p) => p.score[name] as DatasetScore))
        scores[set.name] = score
        sum += score.nll * score.frames
        frames += score.frames
      }
      byHead[name] = scores
      pooledByHead[name] = sum / frames
    }
    const first = (heads[0] as (typeof heads)[number]).name
    return { scores: byHead[first] ?? {}, byHead, pooledByHead, pooled: Object.values(pooledByHead).reduce((a, b) => a + b, 0) }
  }

  /** Stops the workers and frees the carried state; the weights stay with the caller. */
  async close(): Promise<void> {
    this.own.dispose()
    await this.pool?.close()
  }
}
