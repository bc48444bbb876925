import type { BackendChoice } from '../../shared/ipc.ts'
import type { DatasetScore, ModelConfig } from './config.ts'
import type { PianoRollSet, Sequence } from './data.ts'

/** Named weights or gradients as plain arrays (what crosses between threads). */
export type NamedArrays = [name: string, values: Float32Array][]

/** Coordinator -> training worker. Each worker answers its messages one by one, in order. */
export type ToShard =
  | { type: 'init'; backend: BackendChoice; config: ModelConfig; sequences: Sequence[]; valid: PianoRollSet[]; batch: number; window: number; seed: number; lo: number; hi: number }
  | { type: 'weights'; weights: NamedArrays }
  | { type: 'step'; epoch: number; block: number }
  | { type: 'evaluate'; set: number; pieces: number[] }
  | { type: 'close' }

/** Training worker -> coordinator. */
export type FromShard =
  | { type: 'ready'; backend: BackendChoice }
  | { type: 'weights' }
  | { type: 'step'; loss: number; scored: number; grads: NamedArrays }
  | { type: 'evaluate'; score: DatasetScore }
  | { type: 'error'; message: string }
