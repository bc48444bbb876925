import type { Note } from '../../../shared/music/types.ts'
import { compareNotes } from '../../../shared/music/song.ts'

/**
 * Puts a track's notes back into the Track.notes invariant (sorted, no same-pitch overlaps, no empty
 * notes) like normalizeNotes, but keeps untouched notes as the same objects, because the selection
 * holds notes by identity. `replaced` learns which notes were trimmed (new object) or dropped (null).
 */
export function tidyNotes(notes: readonly Note[], replaced?: Map<Note, Note | null>): Note[] {
  const sorted = notes.filter((n) => n.durationTicks > 0).sort(compareNotes)
  const lastOfPitch = new Map<number, number>()
  const result: Note[] = []
  for (const note of sorted) {
    const previousIndex = lastOfPitch.get(note.pitch)
    const previous = previousIndex === undefined ? undefined : result[previousIndex]
    if (previous && previous.ticks + previous.durationTicks > note.ticks) {
      const trimmed = { ...previous, durationTicks: note.ticks - previous.ticks }
      result[previousIndex!] = trimmed
      replaced?.set(previous, trimmed.durationTicks > 0 ? trimmed : null)
    }
    lastOfPitch.set(note.pitch, result.length)
    result.push(note)
  }
  return result.filter((n) => n.durationTicks > 0)
}
