import type { Worker } from 'node:worker_threads'
import * as tf from '../model/tf.ts'
import type { BackendChoice } from '../shared/ipc/index.ts'
import { startWorker } from '../workers/thread.ts'
import { trainWorkerEntry } from '../workers/entries.ts'
import type { DatasetScore } from '../model/config.ts'
import type { PianoRollSet } from './data.ts'
import type { ShardOutput, ShardSpec } from './shard.ts'
import type { HeadScores } from './evaluate.ts'
import type { FromShard, NamedArrays, ToShard } from './shardProtocol.ts'
import { weightShapes } from '../model/weights.ts'

/** What a pool of training workers needs besides each worker's lane range. */
export interface PoolOptions extends Omit<ShardSpec, 'lo' | 'hi'> {
  /** Validation sets, so that workers can score their share of them. */
  valid: PianoRollSet[]
  /** The backend the coordinator runs on; every worker starts the same one. */
  backend: BackendChoice
}

type Waiter = { resolve: (message: FromShard) => void; reject: (error: Error) => void }

/** One worker thread and the answers it still owes, in order. */
class ShardWorker {
  private readonly waiting: Waiter[] = []
  private failure: Error | null = null

  constructor(
    private readonly worker: Worker,
    readonly label: string,
  ) {
    worker.on('message', (message: FromShard) => {
      const waiter = this.waiting.shift()
      if (!waiter) return
      if (message.type === 'error') waiter.reject(new Error(`${label}: ${message.message}`))
      else waiter.resolve(message)
    })
    const fail = (error: Error): void => {
      this.failure ??= error
      for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure)
    }
    worker.on('error', (error) => fail(new Error(`${label} crashed: ${error.message}`)))
    worker.on('exit', (code) => fail(new Error(`${label} exited (code ${code})`)))
  }

  /** Posts a message; resolves with its answer (of type `expect`). */
  request<T extends FromShard['type']>(message: ToShard, expect: T): Promise<Extract<FromShard, { type: T }>> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.waiting.push({
        resolve: (answer) =>
          answer.type === expect
            ? resolve(answer as Extract<FromShard, { type: T }>)
            : reject(new Error(`${this.label} answered ${answer.type} to ${message.type}`)),
        reject,
      })
      this.worker.postMessage(message)
    })
  }

  async close(): Promise<void> {
    this.failure ??= new Error(`${this.label} closed`)
    await this.worker.terminate()
  }
}

/**
 * Training workers for data-parallel training: shard k of `ranges` runs in worker k (the coordinator
 * runs shard 0 itself). Each update: `step` starts every worker on its lanes of a block, the coordinator
 * computes its own lanes meanwhile, awaits the workers' gradients, averages and applies them, and sends
 * the new weights with `setWeights` before the next step.
 */
export class ShardPool {
  private constructor(
    private readonly workers: ShardWorker[],
    private readonly shapes: Map<string, number[]>,
  ) {}

  /** Starts one worker per range and waits until each has its backend and data. */
  static async start(options: PoolOptions, ranges: [number, number][], entry = trainWorkerEntry): Promise<ShardPool> {
    const workers = ranges.map((_, k) => new ShardWorker(startWorker(entry), `training worker ${k + 1}`))
    const pool = new ShardPool(workers, weightShapes(options.config))
    try {
      const { valid, backend, ...spec } = options
      await Promise.all(
        workers.map((w, k) => {
          const [lo, hi] = ranges[k] as [number, number]
          return w.request({ type: 'init', backend, spec: { ...spec, lo, hi }, valid }, 'ready')
        }),
      )
    } catch (error) {
      await pool.close()
      throw error
    }
    return pool
  }

  /** Number of workers. */
  get size(): number {
    return this.workers.length
  }

  /** Sends the current weights to every worker (read once, copied to each by postMessage). */
  async setWeights(weights: Map<string, tf.Tensor>): Promise<void> {
    const arrays: NamedArrays = await Promise.all(
      [...weights].map(async ([name, t]): Promise<[string, Float32Array]> => [name, (await t.data()) as Float32Array]),
    )
    await Promise.all(this.workers.map((w) => w.request({ type: 'weights', weights: arrays }, 'weights')))
  }

  /** Starts every worker on block `block` of epoch `epoch`; resolves with their outputs as tensors. */
  async step(epoch: number, block: number): Promise<ShardOutput[]> {
    const answers = await Promise.all(this.workers.map((w) => w.request({ type: 'step', epoch, block }, 'step')))
    return answers.map((a) => ({
      loss: a.loss,
      headLosses: a.headLosses,
      scored: a.scored,
      grads: new Map(a.grads.map(([name, values]) => [name, tf.tensor(values, this.shapes.get(name) ?? [values.length])])),
    }))
  }

  /** Scores `pieces` of validation set `set` in worker `k` with the weights it was last sent. */
  evaluate(k: number, set: number, pieces: number[]): Promise<HeadScores> {
    const worker = this.workers[k]
    if (!worker) return Promise.reject(new Error(`no training worker ${k + 1}`))
    return worker.request({ type: 'evaluate', set, pieces }, 'evaluate').then((a) => a.score)
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()))
  }
}
