import type { Worker } from 'node:worker_threads'
import { startWorker } from '../workers/thread.ts'
import type { ContinueRequest, ContinueResponse, ModelStatus } from '../shared/ipc/index.ts'
import type { HostMessage, WorkerConfig, WorkerMessage } from './protocol.ts'

interface Pending {
  resolve(response: ContinueResponse): void
  reject(error: Error): void
  onProgress?: ((done: number, total: number) => void) | undefined
}

/**
 * Runs the model in a worker thread: keeps its status, sends it generations and cancels, and routes
 * their progress and answers back. If the worker dies, the status says why, pending generations fail
 * with that reason, and the app stays usable as an editor.
 */
export class ModelHost {
  private worker: Worker | undefined
  private current: ModelStatus = { state: 'loading' }
  private readonly listeners = new Set<(status: ModelStatus) => void>()
  private settledWaiters: ((status: ModelStatus) => void)[] = []
  private readonly pending = new Map<string, Pending>()
  private readonly memoryWaiters = new Map<string, (memory: { numTensors: number; numBytes: number }) => void>()
  private memoryRequests = 0

  /** Starts the worker from `entry` (the built bundle in the app, workers/entries.ts's URL under plain Node). */
  constructor(entry: URL, config: WorkerConfig = {}) {
    const worker = startWorker(entry, { name: 'neural-piano-model', workerData: config })
    this.worker = worker
    worker.on('message', (message: WorkerMessage) => this.receive(message))
    worker.on('error', (error) => this.fail(`model worker failed: ${error.message}`))
    worker.on('exit', (code) => {
      this.worker = undefined
      this.fail(`model worker stopped (exit code ${code})`)
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

  /** Continues a validated request in the worker; rejects with a plain-words error. */
  generate(request: ContinueRequest, onProgress?: (done: number, total: number) => void): Promise<ContinueResponse> {
    if (!this.worker)
      return Promise.reject(new Error(this.current.state === 'error' ? this.current.error : 'the model worker is not running'))
    if (this.pending.has(request.requestId))
      return Promise.reject(new Error(`a generation with id ${request.requestId} is already running`))
    return new Promise((resolve, reject) => {
      this.pending.set(request.requestId, { resolve, reject, onProgress })
      this.post({ type: 'generate', id: request.requestId, request })
    })
  }

  /** Asks the worker to stop a generation; false when no such generation is pending. */
  cancel(requestId: string): boolean {
    if (!this.pending.has(requestId)) return false
    this.post({ type: 'cancel', id: requestId })
    return true
  }

  /** The worker's TensorFlow.js memory (tensors alive and their bytes), for leak checks. */
  memory(): Promise<{ numTensors: number; numBytes: number }> {
    if (!this.worker) return Promise.reject(new Error('the model worker is not running'))
    const id = `memory-${++this.memoryRequests}`
    return new Promise((resolve) => {
      this.memoryWaiters.set(id, resolve)
      this.post({ type: 'memory', id })
    })
  }

  /** Stops the worker; pending generations fail. */
  async dispose(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    if (!worker) return
    worker.postMessage({ type: 'shutdown' } satisfies HostMessage)
    await worker.terminate()
  }

  private post(message: HostMessage): void {
    this.worker?.postMessage(message)
  }

  private receive(message: WorkerMessage): void {
    switch (message.type) {
      case 'status':
        return this.setStatus(message.status)
      case 'progress':
        return this.pending.get(message.id)?.onProgress?.(message.done, message.total)
      case 'result': {
        const pending = this.pending.get(message.id)
        this.pending.delete(message.id)
        return pending?.resolve(message.response)
      }
      case 'memory': {
        const resolve = this.memoryWaiters.get(message.id)
        this.memoryWaiters.delete(message.id)
        return resolve?.({ numTensors: message.numTensors, numBytes: message.numBytes })
      }
      case 'failed': {
        const pending = this.pending.get(message.id)
        this.pending.delete(message.id)
        return pending?.reject(new Error(message.error))
      }
    }
  }

  private fail(reason: string): void {
    for (const pending of this.pending.values()) pending.reject(new Error(reason))
    this.pending.clear()
    if (this.current.state !== 'error')
      this.setStatus({ state: 'error', error: reason, ...(this.current.state === 'ready' ? { backend: this.current.backend } : {}) })
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
