import type { Note, Song, Track } from '$shared/music/types.ts'

// The shared Song is plain data that crosses IPC and goes into MIDI files. The editor gives each of
// its notes an id (as Signal does), so that selection, gestures and undo follow a note however it is
// moved or resized. Ids are given where notes enter the editor (withNoteIds, withNewId) and are left
// behind where they leave it (plainSong for files, buildRequest for Continue, copyNotes for the clipboard).

/** A note's id in the editor: unique for the session, kept through moves, resizes and undo. */
export type NoteId = number

/** A note as the editor holds it: the shared Note with an id that never leaves the editor. */
export interface EditorNote extends Note {
  /** Which note this is, however it is moved or changed. */
  readonly id: NoteId
}

/** A track whose notes have ids. */
export interface EditorTrack extends Track {
  /** Notes sorted by (ticks, pitch); notes of one pitch never overlap. */
  notes: EditorNote[]
}

/** The song as the editor holds it: a Song whose notes have ids (a Song wherever one is asked for). */
export interface EditorSong extends Song {
  /** Parts in file order. */
  tracks: EditorTrack[]
}

let lastId = 0

/** An id not handed out before in this session. */
export function newNoteId(): NoteId {
  return ++lastId
}

/** A note entering the editor (drawn, pasted, accepted), with a new id. */
export function withNewId(note: Note, id: NoteId = newNoteId()): EditorNote {
  // One literal, so every editor note has the same shape (a spread then a field made reads slower).
  return { pitch: note.pitch, ticks: note.ticks, durationTicks: note.durationTicks, velocity: note.velocity, id }
}

/** A song entering the editor (new, opened, imported, restored), with a new id on every note. */
export function withNoteIds(song: Song): EditorSong {
  return { ...song, tracks: song.tracks.map((track) => ({ ...track, notes: track.notes.map((n) => withNewId(n)) })) }
}

/** The notes whose ids are in `ids`, track by track in song order (one pass: fine for 200,000 notes). */
export function notesWithIds(song: EditorSong, ids: ReadonlySet<NoteId>): EditorNote[] {
  const found: EditorNote[] = []
  if (ids.size === 0) return found
  for (const track of song.tracks) for (const note of track.notes) if (ids.has(note.id)) found.push(note)
  return found
}

/** The note with this id, if the song has it. */
export function findNote(song: EditorSong, id: NoteId): EditorNote | undefined {
  for (const track of song.tracks) {
    const note = track.notes.find((n) => n.id === id)
    if (note) return note
  }
  return undefined
}

/** The ids of `ids` that the song still has: the same set when none is gone, so nothing redraws for nothing. */
export function existingIds(song: EditorSong, ids: ReadonlySet<NoteId>): ReadonlySet<NoteId> {
  if (ids.size === 0) return ids
  const kept = notesWithIds(song, ids)
  return kept.length === ids.size ? ids : new Set(kept.map((n) => n.id))
}

/** Every note id of the song. */
export function allNoteIds(song: EditorSong): NoteId[] {
  return song.tracks.flatMap((t) => t.notes.map((n) => n.id))
}
