import type { ModelStatus } from '../../shared/ipc.ts'

/** Messages the model worker posts to its host. */
export type WorkerMessage = { type: 'status'; status: ModelStatus }

/** Messages the host posts to the model worker. */
export type HostMessage = { type: 'shutdown' }
