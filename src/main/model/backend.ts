import * as tf from '@tensorflow/tfjs'

/** The TensorFlow.js backends we can run on, fastest first. */
export const BACKEND_ORDER = ['node-gpu', 'node', 'wasm', 'cpu'] as const
export type BackendChoice = (typeof BACKEND_ORDER)[number]

/** Which backend is active and why the faster ones were passed over. */
export interface BackendReport {
  /** The choice that is active. */
  active: BackendChoice
  /** The tfjs backend name behind it ('tensorflow', 'wasm' or 'cpu'). */
  tfBackend: string
  /** Each faster choice that was not taken, with the reason. */
  skipped: { choice: BackendChoice; reason: string }[]
}

/** How to load one choice; resolves to the tfjs backend name to activate. */
const loaders: Record<BackendChoice, () => Promise<string>> = {
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
 * Activates the fastest backend that loads here, trying node-gpu, node, wasm, then cpu.
 * `prefer` starts the search at that choice (the ones before it are reported as skipped by request).
 * The first call decides; later calls return the same report.
 */
export function selectBackend(prefer = parseBackendChoice(process.env.NEURAL_PIANO_BACKEND)): Promise<BackendReport> {
  selected ??= trySelect(prefer)
  return selected
}

async function trySelect(prefer: BackendChoice | undefined): Promise<BackendReport> {
  const skipped: BackendReport['skipped'] = []
  const start = prefer ? BACKEND_ORDER.indexOf(prefer) : 0
  for (const [index, choice] of BACKEND_ORDER.entries()) {
    if (index < start) {
      skipped.push({ choice, reason: `NEURAL_PIANO_BACKEND=${prefer} asked to start later` })
      continue
    }
    try {
      const name = await loaders[choice]()
      if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') failed`)
      await tf.ready()
      return { active: choice, tfBackend: tf.getBackend(), skipped }
    } catch (error) {
      skipped.push({ choice, reason: reasonOf(error) })
    }
  }
  throw new Error(`no TensorFlow.js backend could start: ${skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ')}`)
}

/** One line for logs and the CLI, e.g. "wasm (skipped node-gpu: package not installed; ...)". */
export function describeBackend(report: BackendReport): string {
  const skipped = report.skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ')
  return skipped ? `${report.active} (skipped ${skipped})` : report.active
}
