import type { BackendChoice } from '../shared/ipc/index.ts'
import type { HeadScores } from './evaluate.ts'
import type { DatasetScore } from '../model/config.ts'
import type { PianoRollSet } from './data.ts'
import type { ShardSpec } from './shard.ts'

/** Named weights or gradients as plain arrays (what crosses between threads). */
export type NamedArrays = [name: string, values: Float32Array][]

/** Coordinator -> training worker. Each worker answers its messages one by one, in order. */
export type ToShard =
  | { type: 'init'; backend: BackendChoice; spec: ShardSpec; valid: PianoRollSet[] }
  | { type: 'weights'; weights: NamedArrays }
  | { type: 'step'; epoch: number; block: number }
  | { type: 'evaluate'; set: number; pieces: number[] }

/** Training worker -> coordinator. */
export type FromShard =
  | { type: 'ready'; backend: BackendChoice }
  | { type: 'weights' }
  | { type: 'step'; loss: number; headLosses: Record<string, number>; scored: number; grads: NamedArrays }
  | { type: 'evaluate'; score: HeadScores }
  | { type: 'error'; message: string }
