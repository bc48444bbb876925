import type { Note } from '$shared/music/types.ts'
import { compareNotes } from '$shared/music/song.ts'

/**
 * Puts a track's notes back into the Track.notes invariant (sorted, no same-pitch overlaps, no empty
 * notes) like normalizeNotes, but keeps untouched notes as the same objects (nothing to redraw or
 * re-measure) and a trimmed note as a copy with its other fields, its editor id among them.
 */
export function tidyNotes<N extends Note>(notes: readonly N[]): N[] {
  const sorted = notes.filter((n) => n.durationTicks > 0).sort(compareNotes)
  const lastOfPitch = new Map<number, number>()
  const result: N[] = []
  for (const note of sorted) {
    const previousIndex = lastOfPitch.get(note.pitch)
    const previous = previousIndex === undefined ? undefined : result[previousIndex]
    if (previous && previous.ticks + previous.durationTicks > note.ticks) {
      result[previousIndex!] = { ...previous, durationTicks: note.ticks - previous.ticks }
    }
    lastOfPitch.set(note.pitch, result.length)
    result.push(note)
  }
  return result.filter((n) => n.durationTicks > 0)
}
