import type { OutputHeadName } from './continue.ts'
import { z } from 'zod'

/** A TensorFlow.js backend choice, fastest first. */
export type BackendChoice = 'node-gpu' | 'node' | 'webgpu' | 'wasm' | 'cpu'

/** Which backend runs the model and why the faster ones were passed over. */
export interface BackendInfo {
  active: BackendChoice
  tfBackend: string
  /** The GPU it runs on, where it runs on one (e.g. "NVIDIA H100 80GB HBM3"). */
  device?: string
  skipped: { choice: BackendChoice; reason: string }[]
  /**
   * Where a GPU backend is active, Continue runs on whichever backend measured the lower step latency
   * for its number of variations (a GPU's per-step overhead can lose to wasm at small batches).
   */
  generation?: GenerationBackend[]
}

/** The backend Continue uses at one number of variations, and the measured step latencies. */
export interface GenerationBackend {
  lanes: number
  backend: BackendChoice
  msPerStep: number
  others: { backend: BackendChoice; msPerStep: number }[]
}

/** What the loaded checkpoint is, for the status bar and the About box. */
export interface ModelSummary {
  /** The checkpoint's name (its folder). */
  name: string
  /** Model steps per quarter note. */
  stepsPerQuarter: number
  /** LSTM layer sizes, e.g. [1024, 1024]. */
  hiddenSizes: number[]
  /** The output layers it can draw with, its default first. */
  heads: OutputHeadName[]
}

/** The model host's state, as the status bar shows it. */
export type ModelStatus =
  | { state: 'loading' }
  | { state: 'ready'; backend: BackendInfo; model?: ModelSummary }
  | { state: 'error'; error: string; backend?: BackendInfo }

/** What `app:info` answers. */
export interface AppInfo {
  version: string
  platform: string
  model: ModelStatus
}

/** Commands the application menu sends to the editor. */
export const menuCommands = [
  'file:new',
  'file:open',
  'file:save',
  'file:saveAs',
  'file:exportMidi',
  'edit:undo',
  'edit:redo',
  'edit:cut',
  'edit:copy',
  'edit:paste',
  'edit:duplicate',
  'edit:delete',
  'edit:selectAll',
  'view:zoomIn',
  'view:zoomOut',
  'view:fit',
  'transport:record',
  'transport:metronome',
  'model:continue',
  'help:shortcuts',
  'help:about',
] as const

/** One menu command. */
export type MenuCommand = (typeof menuCommands)[number]

/** Request schemas of the app channels. */
export const appSchemas = {
  'app:info': z.undefined(),
} as const

/** Success payloads of the app channels. */
export interface AppResponses {
  'app:info': AppInfo
}

/** Events of the app group. */
export interface AppEvents {
  'menu:command': MenuCommand
  'model:status': ModelStatus
}
