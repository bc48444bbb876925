import type { Note, Song } from '../../../shared/music/types.ts'
import { insertNotes, type Edit } from './edit.ts'

/** Writes a candidate's notes into the song (one undo step) and selects them, so they can be moved at once. */
export function acceptCandidate(song: Song, notes: readonly Note[]): Edit {
  return insertNotes(
    song,
    notes.map((n) => ({ ...n })),
  )
}
