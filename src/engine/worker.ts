import { parentPort, workerData } from 'node:worker_threads'
import * as tf from '../model/tf.ts'
import { join } from 'node:path'
import { chooseBackend, selectBackend } from '../model/backend.ts'
import type { BackendChoice, BackendInfo } from '../shared/ipc/index.ts'
import {
  describeChoice,
  latencyKey,
  MEASURED_LANES,
  pickBackend,
  readLatencyCache,
  writeLatencyCache,
  type LatencyTable,
} from './backendChoice.ts'
import type { HostMessage, WorkerConfig, WorkerMessage } from './protocol.ts'
import { loadStepModel } from './loadModel.ts'
import type { StepModel } from './stepModel.ts'
import { runContinuation } from './continuation.ts'
import { KEYS } from '../shared/music/constants.ts'

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

/** The loaded model on each backend it runs on (a second one where a GPU backend is active: wasm). */
const models = new Map<BackendChoice, StepModel>()
/** Measured step latencies per backend, when there is more than one to choose from. */
let latencies: LatencyTable[] | undefined
let unavailable = 'the model is still loading'
const queue: Extract<HostMessage, { type: 'generate' }>[] = []
const cancelled = new Set<string>()
let running: string | undefined

async function drain(): Promise<void> {
  if (running !== undefined) return
  for (let job = queue.shift(); job; job = queue.shift()) {
    running = job.id
    try {
      const model = await modelFor(job.request.variations)
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

/** The model on the backend with the lower step latency for `lanes` lanes (switching tfjs to it). */
async function modelFor(lanes: number): Promise<StepModel> {
  const choice = latencies ? pickBackend(latencies, lanes) : [...models.keys()][0]
  const model = choice ? models.get(choice) : undefined
  if (!choice || !model) throw new Error(`no model: ${unavailable}`)
  if (tf.getBackend() !== TF_NAMES[choice]) await tf.setBackend(TF_NAMES[choice])
  return model
}

const TF_NAMES: Record<BackendChoice, string> = { 'node-gpu': 'tensorflow', node: 'tensorflow', webgpu: 'webgpu', wasm: 'wasm', cpu: 'cpu' }

/**
 * Where a GPU backend is active, loads the model on wasm too and measures a generation step on both at
 * 1, 4 and 8 lanes (or reads the figures cached in the data folder for this GPU, model and version), so
 * that Continue never runs slower on a GPU than it would on wasm.
 */
async function measureBackends(primary: BackendInfo, modelDir: string, heads: string[], hiddenSizes: number[]): Promise<BackendInfo> {
  if (primary.active !== 'webgpu' && primary.active !== 'node-gpu') return primary
  await chooseBackend('wasm')
  models.set('wasm', (await loadStepModel(modelDir)).model)
  const key = latencyKey({ backends: [primary.active, 'wasm'], device: primary.device, hiddenSizes, heads, versions: tf.version_core })
  const file = config.cacheDir ? join(config.cacheDir, 'generation-latency.json') : undefined
  const cached = file ? readLatencyCache(file, key) : undefined
  const tables = cached?.tables ?? []
  if (!cached) {
    for (const [choice, model] of models) {
      await tf.setBackend(TF_NAMES[choice])
      tables.push({ backend: choice, msPerStep: await stepLatency(model) })
    }
    if (file) writeLatencyCache(file, { key, tables, measuredAt: new Date().toISOString() })
  }
  await tf.setBackend(primary.tfBackend)
  latencies = tables
  return { ...primary, generation: describeChoice(tables) }
}

/** Median ms per generation step at each of MEASURED_LANES, after priming 16 frames and two warm-up steps. */
async function stepLatency(model: StepModel): Promise<Record<number, number>> {
  const result: Record<number, number> = {}
  for (const lanes of MEASURED_LANES) {
    const session = await model.startSession(lanes)
    try {
      await session.prime(new Float32Array(16 * KEYS), 16)
      const input = new Float32Array(lanes * KEYS)
      const times: number[] = []
      for (let i = 0; i < 10; i++) {
        const started = performance.now()
        await session.step(input)
        if (i >= 2) times.push(performance.now() - started)
      }
      result[lanes] = times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number
    } finally {
      session.dispose()
    }
  }
  return result
}

post({ type: 'status', status: { state: 'loading' } })
let backend: BackendInfo | undefined
try {
  backend = await selectBackend()
  if (!config.modelDir) throw new Error('no model folder was given')
  const loaded = await loadStepModel(config.modelDir)
  models.set(backend.active, loaded.model)
  const primary: BackendInfo = backend
  backend = await measureBackends(primary, config.modelDir, loaded.summary.heads, loaded.summary.hiddenSizes).catch(
    async (error: unknown) => {
      // A failed measurement leaves Continue on the fastest backend that loaded.
      console.error(`[model] could not compare backends for Continue: ${error instanceof Error ? error.message : String(error)}`)
      latencies = undefined
      for (const choice of [...models.keys()].slice(1)) models.delete(choice)
      await tf.setBackend(primary.tfBackend)
      return primary
    },
  )
  post({ type: 'status', status: { state: 'ready', backend, model: loaded.summary } })
} catch (error) {
  unavailable = error instanceof Error ? error.message : String(error)
  post({ type: 'status', status: backend ? { state: 'error', error: unavailable, backend } : { state: 'error', error: unavailable } })
}
