// Kept apart from backend.ts so that the main process can describe a backend without loading TensorFlow.js.
import type { BackendInfo } from '../shared/ipc/index.ts'

/** One line for logs and the CLI, e.g. "wasm (skipped node-gpu: package not installed; ...)". */
export function describeBackend(report: BackendInfo): string {
  const skipped = report.skipped.map((s) => `${s.choice}: ${s.reason}`).join('; ')
  const active = report.device ? `${report.active} on ${report.device}` : report.active
  const described = skipped ? `${active} (skipped ${skipped})` : active
  const choices = report.generation?.map(
    (g) =>
      `${g.lanes} variation${g.lanes === 1 ? '' : 's'}: ${g.backend} ${g.msPerStep.toFixed(1)} ms/step${g.others.map((o) => `, ${o.backend} ${o.msPerStep.toFixed(1)}`).join('')}`,
  )
  return choices?.length ? `${described}; Continue runs on the faster per batch (${choices.join('; ')})` : described
}
