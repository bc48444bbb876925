import * as tf from './tf.ts'
import type { BackendChoice, BackendInfo } from '../shared/ipc/index.ts'
import { registerWebGpu } from './webgpu.ts'

export { describeBackend } from './describeBackend.ts'

/** Which backend is active and why the faster ones were passed over (the same shape the UI shows). */
export type BackendReport = BackendInfo

/** The TensorFlow.js backends we can run on, fastest first. */
export const BACKEND_ORDER: readonly BackendChoice[] = ['node-gpu', 'node', 'webgpu', 'wasm', 'cpu']

/** How to load one choice; resolves to the tfjs backend name to activate (and the GPU, where there is one). */
const loaders: Record<BackendChoice, () => Promise<string | { name: string; device: string }>> = {
  // Each native package registers the 'tensorflow' backend when imported; the import fails
  // where its libtensorflow was never downloaded (an optional dependency that did not install).
  'node-gpu': async () => {
    await import(/* @vite-ignore */ '@tensorflow/tfjs-node-gpu' as string)
    return 'tensorflow'
  },
  node: async () => {
    await import(/* @vite-ignore */ '@tensorflow/tfjs-node' as string)
    return 'tensorflow'
  },
  webgpu: async () => ({ name: 'webgpu', device: (await registerWebGpu()).description }),
  wasm: async () => {
    await import('@tensorflow/tfjs-backend-wasm')
    return 'wasm'
  },
  cpu: async () => 'cpu',
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const firstLine = text.split('\n')[0] ?? text
  if (/Cannot find (module|package)/.test(firstLine)) return 'package not installed'
  return firstLine.slice(0, 200)
}

/** Parses a backend name from the environment (NEURAL_PIANO_BACKEND); undefined when unset or unknown. */
export function parseBackendChoice(value: string | undefined): BackendChoice | undefined {
  return BACKEND_ORDER.find((choice) => choice === value)
}

let selected: Promise<BackendReport> | undefined

/**
 * Activates the fastest backend that loads here, trying node-gpu, node, webgpu, wasm, then cpu.
 * `prefer` starts the search at that choice (the ones before it are reported as skipped by request).
 * The first call decides; later calls return the same report.
 */
export function selectBackend(prefer = parseBackendChoice(process.env.NEURAL_PIANO_BACKEND)): Promise<BackendReport> {
  selected ??= chooseBackend(prefer)
  return selected
}

/** Tries each choice from `prefer` (or the fastest) on and activates the first that loads. */
export async function chooseBackend(prefer?: BackendChoice): Promise<BackendReport> {
  const skipped: BackendReport['skipped'] = []
  const start = prefer ? BACKEND_ORDER.indexOf(prefer) : 0
  for (const [index, choice] of BACKEND_ORDER.entries()) {
    if (index < start) {
      skipped.push({ choice, reason: `NEURAL_PIANO_BACKEND=${prefer} asked to start later` })
      continue
    }
    try {
      const loaded = await loaders[choice]()
      const name = typeof loaded === 'string' ? loaded : loaded.name
      if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') failed`)
      await tf.ready()
      const device = typeof loaded === 'string' ? {} : { device: loaded.device }
      return { active: choice, tfBackend: tf.getBackend(), ...device, skipped }
    } catch (error) {
      skipped.push({ choice, reason: reasonOf(error) })
    }
  }
  throw new Error(`no TensorFlow.js backend could start: ${skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ')}`)
}
