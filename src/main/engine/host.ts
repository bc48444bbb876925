import type { Worker } from 'node:worker_threads'
import { startWorker } from '../workerThread.ts'
import type { ModelStatus } from '../../shared/ipc.ts'
import type { HostMessage, WorkerMessage } from './protocol.ts'

/**
 * Runs the model in a worker thread and keeps its status. If the worker dies, the status says why and
 * the app stays usable as an editor.
 */
export class ModelHost {
  private worker: Worker | undefined
  private current: ModelStatus = { state: 'loading' }
  private readonly listeners = new Set<(status: ModelStatus) => void>()
  private settledWaiters: ((status: ModelStatus) => void)[] = []

  /** Starts the worker from `entry`: the built bundle in the app, workerSource.ts's URL under plain Node. */
  constructor(entry: URL) {
    const worker = startWorker(entry, { name: 'neural-piano-model' })
    this.worker = worker
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'status') this.setStatus(message.status)
    })
    worker.on('error', (error) => this.setStatus({ state: 'error', error: `model worker failed: ${error.message}` }))
    worker.on('exit', (code) => {
      this.worker = undefined
      if (this.current.state !== 'error' && code !== 0) {
        this.setStatus({ state: 'error', error: `model worker stopped (exit code ${code})` })
      }
    })
  }

  /** The latest status. */
  get status(): ModelStatus {
    return this.current
  }

  /** Resolves with the status once it is no longer 'loading'. */
  settled(): Promise<ModelStatus> {
    if (this.current.state !== 'loading') return Promise.resolve(this.current)
    return new Promise((resolve) => this.settledWaiters.push(resolve))
  }

  /** Calls `listener` on every status change; returns an unsubscribe. */
  onStatus(listener: (status: ModelStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Stops the worker. */
  async dispose(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    if (!worker) return
    worker.postMessage({ type: 'shutdown' } satisfies HostMessage)
    await worker.terminate()
  }

  private setStatus(status: ModelStatus): void {
    this.current = status
    for (const listener of this.listeners) listener(status)
    if (status.state !== 'loading') {
      const waiters = this.settledWaiters
      this.settledWaiters = []
      for (const resolve of waiters) resolve(status)
    }
  }
}
