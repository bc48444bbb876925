import type { ModelStatus } from '$shared/ipc/app.ts'
import type { ContinueResponse } from '$shared/ipc/continue.ts'
import type { CandidateEntry } from './candidates.ts'
import { describeKey } from '$shared/describeKey.ts'

/** Why Continue cannot run with the model as it is, in plain words; undefined when it can. */
export function modelProblem(model: ModelStatus): string | undefined {
  if (model.state === 'loading') return 'The model is still loading. You can keep editing; try again in a moment.'
  if (model.state === 'error') return `No model is available (${model.error}). Everything else keeps working.`
  return undefined
}

/** Main's error for a failed generation, as the panel shows it. */
export function failureMessage(error: string): string {
  return /cancel/i.test(error) ? 'Cancelled. Nothing was changed.' : `Continue did not work: ${error}`
}

/** The candidates of one answer, numbered as the panel shows them, and a line about the answer (time, the key used and who chose it, silent ones). */
export function candidatesOf(
  answer: ContinueResponse,
  batch: number,
  seed: number,
  temperature: number,
): { entries: CandidateEntry[]; summary: string } {
  const entries: CandidateEntry[] = answer.candidates.map((c, i) => ({
    notes: c.notes,
    startTick: answer.startTick,
    endTick: answer.endTick,
    batch,
    variation: i + 1,
    seed,
    temperature,
  }))
  const silent = entries.filter((e) => e.notes.length === 0).length
  const key = answer.key.chosenBy === 'none' ? ', in the key as written' : `, in ${describeKey(answer.key)}`
  // No count here: the candidate counter above it counts every candidate on offer, this press's and the earlier ones'.
  return {
    entries,
    summary: `Written in ${(answer.elapsedMs / 1000).toFixed(1)} s${key}${silent ? ` · ${silent} of ${entries.length} silent` : ''}`,
  }
}
