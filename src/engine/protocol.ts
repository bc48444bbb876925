import type { ContinueRequest, ContinueResponse, ModelStatus } from '../shared/ipc/index.ts'

/** What the host passes the model worker at start. */
export interface WorkerConfig {
  /** The checkpoint folder to load; none means the app runs as an editor only. */
  modelDir?: string | undefined
  /** The app's data folder, where measured backend latencies are cached (none: measured at every start). */
  cacheDir?: string | undefined
}

/** Messages the model worker posts to its host. */
export type WorkerMessage =
  | { type: 'status'; status: ModelStatus }
  | { type: 'progress'; id: string; done: number; total: number }
  | { type: 'result'; id: string; response: ContinueResponse }
  | { type: 'failed'; id: string; error: string }
  | { type: 'memory'; id: string; numTensors: number; numBytes: number }

/** Messages the host posts to the model worker. */
export type HostMessage =
  | { type: 'generate'; id: string; request: ContinueRequest }
  | { type: 'cancel'; id: string }
  | { type: 'memory'; id: string }
  | { type: 'shutdown' }
