import { parentPort, workerData } from 'node:worker_threads'
import * as tf from '../model/tf.ts'
import { selectBackend } from '../model/backend.ts'
import type { BackendInfo } from '../shared/ipc.ts'
import type { HostMessage, WorkerConfig, WorkerMessage } from './protocol.ts'
import { loadStepModel } from './loadModel.ts'
import type { StepModel } from './stepModel.ts'
import { runContinuation } from './continuation.ts'

/**
 * The model worker: it owns TensorFlow.js, so that loading the backend and the checkpoint and every
 * generation step run off the main process's event loop. Generations run one at a time, in order.
 */
const port = parentPort
if (!port) throw new Error('engine/worker.ts must run in a worker thread')
const config = (workerData ?? {}) as WorkerConfig

function post(message: WorkerMessage): void {
  port!.postMessage(message)
}

let model: StepModel | undefined
let unavailable = 'the model is still loading'
const queue: Extract<HostMessage, { type: 'generate' }>[] = []
const cancelled = new Set<string>()
let running: string | undefined

async function drain(): Promise<void> {
  if (running !== undefined) return
  for (let job = queue.shift(); job; job = queue.shift()) {
    running = job.id
    try {
      if (!model) throw new Error(`no model: ${unavailable}`)
      const response = await runContinuation(model, job.request, {
        onProgress: (done, total) => post({ type: 'progress', id: job!.id, done, total }),
        isCancelled: () => cancelled.has(job!.id),
        yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
      })
      post({ type: 'result', id: job.id, response })
    } catch (error) {
      post({ type: 'failed', id: job.id, error: error instanceof Error ? error.message : String(error) })
    } finally {
      cancelled.delete(job.id)
      running = undefined
    }
  }
}

port.on('message', (message: HostMessage) => {
  switch (message.type) {
    case 'generate':
      queue.push(message)
      void drain()
      break
    case 'cancel': {
      const queued = queue.findIndex((job) => job.id === message.id)
      if (queued >= 0) {
        queue.splice(queued, 1)
        post({ type: 'failed', id: message.id, error: 'the generation was cancelled' })
      } else if (running === message.id) cancelled.add(message.id)
      break
    }
    case 'memory': {
      const { numTensors, numBytes } = tf.memory()
      post({ type: 'memory', id: message.id, numTensors, numBytes })
      break
    }
    case 'shutdown':
      process.exit(0)
  }
})

post({ type: 'status', status: { state: 'loading' } })
let backend: BackendInfo | undefined
try {
  backend = await selectBackend()
  if (!config.modelDir) throw new Error('no model folder was given')
  const loaded = await loadStepModel(config.modelDir)
  model = loaded.model
  post({ type: 'status', status: { state: 'ready', backend, model: loaded.summary } })
} catch (error) {
  unavailable = error instanceof Error ? error.message : String(error)
  post({ type: 'status', status: backend ? { state: 'error', error: unavailable, backend } : { state: 'error', error: unavailable } })
}
