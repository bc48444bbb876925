// Kept apart from backend.ts so that the main process can describe a backend without loading TensorFlow.js.
import type { BackendInfo } from '../shared/ipc.ts'

/** One line for logs and the CLI, e.g. "wasm (skipped node-gpu: package not installed; ...)". */
export function describeBackend(report: BackendInfo): string {
  const skipped = report.skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ')
  const active = report.device ? `${report.active} on ${report.device}` : report.active
  return skipped ? `${active} (skipped ${skipped})` : active
}
