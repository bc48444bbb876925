import type { ControlChange, Note } from '../music/types.ts'
import type { ImportReport } from './report.ts'

/** Pedal-down stretches [down, up) from sustain controller changes (value >= 64 is down). */
export function pedalSpans(pedal: readonly ControlChange[], endTick: number): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let downAt = -1
  for (const change of pedal) {
    if (change.value >= 64 && downAt < 0) downAt = change.ticks
    else if (change.value < 64 && downAt >= 0) {
      spans.push([downAt, change.ticks])
      downAt = -1
    }
  }
  if (downAt >= 0) spans.push([downAt, Math.max(endTick, downAt)])
  return spans
}

/**
 * Notes released while the pedal is down sound on until it comes up, as on a piano. A key struck
 * again cuts its sustained note (normalizeNotes trims the overlap afterwards). Returns new notes.
 */
export function applySustain(notes: readonly Note[], pedal: readonly ControlChange[], endTick: number, report: ImportReport): Note[] {
  const spans = pedalSpans(pedal, endTick)
  if (spans.length === 0) return [...notes]
  return notes.map((note) => {
    const release = note.ticks + note.durationTicks
    const span = findSpan(spans, release)
    if (!span || span[1] <= release) return note
    report.notesExtendedBySustain++
    return { ...note, durationTicks: span[1] - note.ticks }
  })
}

// Binary search for the span with down <= tick < up.
function findSpan(spans: ReadonlyArray<[number, number]>, tick: number): [number, number] | undefined {
  let lo = 0
  let hi = spans.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const span = spans[mid]!
    if (tick < span[0]) hi = mid - 1
    else if (tick >= span[1]) lo = mid + 1
    else return span
  }
  return undefined
}
