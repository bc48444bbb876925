import { parentPort } from 'node:worker_threads'
import { selectBackend } from '../model/backend.ts'
import type { HostMessage, WorkerMessage } from './protocol.ts'

/**
 * The model worker: it owns TensorFlow.js so that loading the backend and every generation step run
 * off the main process's event loop. It reports its status to the host as it changes.
 */
const port = parentPort
if (!port) throw new Error('engine/worker.ts must run in a worker thread')

function post(message: WorkerMessage): void {
  port!.postMessage(message)
}

port.on('message', (message: HostMessage) => {
  if (message.type === 'shutdown') process.exit(0)
})

post({ type: 'status', status: { state: 'loading' } })
try {
  const backend = await selectBackend()
  post({ type: 'status', status: { state: 'ready', backend } })
} catch (error) {
  post({ type: 'status', status: { state: 'error', error: error instanceof Error ? error.message : String(error) } })
}
