import type { Note } from '$shared/music/types.ts'
import { withNewId, type EditorSong } from '../state/editorSong.ts'
import { newTrack, numberedName } from '../tracks/newTrack.ts'
import { insertNotes, type Edit } from './edit.ts'

/** The song with the track accepted candidates go into, shown: the chosen one, or a new "Continuation N" that becomes the chosen one. */
function withWriteTrack(song: EditorSong): { song: EditorSong; index: number } {
  const index = song.tracks.findIndex((t) => t.id === song.roles.write)
  if (index >= 0) {
    const track = song.tracks[index]!
    if (!track.hidden) return { song, index }
    return { song: { ...song, tracks: song.tracks.with(index, { ...track, hidden: false }) }, index }
  }
  const track = newTrack(song, numberedName(song, 'Continuation'))
  return { song: { ...song, tracks: [...song.tracks, track], roles: { ...song.roles, write: track.id } }, index: song.tracks.length }
}

/**
 * Writes a candidate's notes into the song as new notes (new ids; one undo step) and selects them, so
 * they can be moved at once. They go into the track Continue writes to: by default a track of their
 * own, made by the first accept and used by the next ones (so the model's music stays apart from yours).
 */
export function acceptCandidate(song: EditorSong, notes: readonly Note[]): Edit {
  const target = withWriteTrack(song)
  return insertNotes(
    target.song,
    notes.map((n) => withNewId(n)),
    target.index,
  )
}
