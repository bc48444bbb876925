import type { Note, Ticks } from './types.ts'
import { normalizeNotes } from './notes.ts'

/** Ticks in one grid step: PPQ / stepsPerQuarter (may be fractional, e.g. PPQ 96 at 5 steps). */
export function stepTicks(ppq: number, stepsPerQuarter: number): number {
  return ppq / stepsPerQuarter
}

/** The grid line nearest `tick` (half-way rounds later), as an integer tick. */
export function quantizeTick(tick: Ticks, gridTicks: number): Ticks {
  return Math.round(Math.round(tick / gridTicks) * gridTicks)
}

/** A copy of the note with start and end moved to the nearest grid lines; never shorter than one step. */
export function quantizeNote(note: Note, gridTicks: number): Note {
  const start = quantizeTick(note.ticks, gridTicks)
  const end = Math.max(quantizeTick(note.ticks + note.durationTicks, gridTicks), quantizeTick(start + gridTicks, gridTicks))
  return { ...note, ticks: start, durationTicks: end - start }
}

/** Quantized copies of the notes, in canonical order, with same-pitch collisions resolved. */
export function quantizeNotes(notes: readonly Note[], gridTicks: number): Note[] {
  return normalizeNotes(notes.map((n) => quantizeNote(n, gridTicks)))
}
