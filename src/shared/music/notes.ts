import type { Note } from './types.ts'
import { compareNotes } from './song.ts'

/** What normalizeNotes changed. */
export interface NormalizeCounts {
  /** Notes dropped because they had no length. */
  zeroLength: number
  /** Notes shortened because the same key was struck again before they ended. */
  overlapsTrimmed: number
}

/**
 * Puts notes into the Track.notes invariant: sorted by (ticks, pitch), every note at least one tick
 * long, and no two notes of one pitch overlapping (MIDI cannot tell overlapping notes of one key
 * apart, so the earlier note ends where the same key is struck again). Returns new notes.
 */
export function normalizeNotes(notes: readonly Note[], counts?: NormalizeCounts): Note[] {
  const sorted = notes.filter((n) => n.durationTicks > 0).sort(compareNotes)
  if (counts) counts.zeroLength += notes.length - sorted.length
  const lastOfPitch = new Map<number, Note>()
  const result: Note[] = []
  for (const note of sorted) {
    const copy = { ...note }
    const previous = lastOfPitch.get(note.pitch)
    if (previous && previous.ticks + previous.durationTicks > note.ticks) {
      previous.durationTicks = note.ticks - previous.ticks
      if (counts) counts.overlapsTrimmed++
    }
    lastOfPitch.set(note.pitch, copy)
    result.push(copy)
  }
  // Two notes of one pitch at one tick leave the first with no length: only the later survives.
  const kept = result.filter((n) => n.durationTicks > 0)
  if (counts) counts.zeroLength += result.length - kept.length
  return kept
}
