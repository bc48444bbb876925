import type { Note } from '$shared/music/types.ts'
import { withNewId, type EditorSong } from '../state/editorSong.ts'
import { insertNotes, type Edit } from './edit.ts'

/** Writes a candidate's notes into the song as new notes (new ids; one undo step) and selects them, so they can be moved at once. */
export function acceptCandidate(song: EditorSong, notes: readonly Note[]): Edit {
  return insertNotes(
    song,
    notes.map((n) => withNewId(n)),
  )
}
