import type { Note, Song, Track } from '$shared/music/types.ts'
import { trackColor } from '../tracks/palette.ts'

// The shared Song is plain data that crosses IPC and goes into MIDI files. The editor gives each of
// its notes an id (as Signal does), so that selection, gestures and undo follow a note however it is
// moved or resized. Ids are given where notes enter the editor (withNoteIds, withNewId) and are left
// behind where they leave it (plainSong for files, buildRequest for Continue, copyNotes for the clipboard).
// Tracks get an id too, and what the editor keeps about each (colour, mute, solo, hidden) and which
// tracks new notes and Continue use: changed by commands like the notes, so each change is one undo
// step, and left out of the MIDI file like the ids.

/** A note's id in the editor: unique for the session, kept through moves, resizes and undo. */
export type NoteId = number

/** A note as the editor holds it: the shared Note with an id that never leaves the editor. */
export interface EditorNote extends Note {
  /** Which note this is, however it is moved or changed. */
  readonly id: NoteId
}

/** A track's id in the editor: kept through every change, so the choices that name a track follow it. */
export type TrackId = number

/** How the editor shows and plays a track (not saved: a MIDI file has no place for it). */
export interface TrackLook {
  /** Which track this is, however the list changes. */
  readonly id: TrackId
  /** Colour of its notes, '#rrggbb'. */
  color: string
  /** Silent in playback and in Export WAV. */
  muted: boolean
  /** While any track is soloed, only soloed tracks are heard. */
  solo: boolean
  /** Its notes are not drawn and cannot be clicked or selected. */
  hidden: boolean
}

/** A track whose notes have ids, with its id and look. */
export interface EditorTrack extends Track, TrackLook {
  /** Notes sorted by (ticks, pitch); notes of one pitch never overlap. */
  notes: EditorNote[]
}

/** Which tracks new notes and Continue use. */
export interface TrackRoles {
  /** Drawn, pasted and recorded notes go here (undefined: the first visible track that is not drums). */
  draw: TrackId | undefined
  /** Continue listens to this track ('all': to every track you hear). */
  listen: TrackId | 'all'
  /** Accepted candidates go here ('new': into a track of their own, made by the accept). */
  write: TrackId | 'new'
}

/** The roles of a song just opened: draw into the first track, Continue hears everything and writes a new track. */
export const defaultRoles: TrackRoles = { draw: undefined, listen: 'all', write: 'new' }

/** The song as the editor holds it: a Song whose notes and tracks have ids (a Song wherever one is asked for). */
export interface EditorSong extends Song {
  /** Parts in file order. */
  tracks: EditorTrack[]
  /** Which tracks new notes and Continue use. */
  roles: TrackRoles
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

let lastTrackId = 0

/** A track id not handed out before in this session. */
export function newTrackId(): TrackId {
  return ++lastTrackId
}

/** A track entering the editor, with new ids, shown and heard, in the colour given. */
export function withTrackIds(track: Track, color: string): EditorTrack {
  return { ...track, notes: track.notes.map((n) => withNewId(n)), id: newTrackId(), color, muted: false, solo: false, hidden: false }
}

/** A song entering the editor (new, opened, imported, restored), with new ids on every note and track, each track in its colour. */
export function withNoteIds(song: Song): EditorSong {
  return { ...song, tracks: song.tracks.map((track, i) => withTrackIds(track, trackColor(i))), roles: defaultRoles }
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

/** Every note id of the song's visible tracks (hidden notes cannot be selected). */
export function allNoteIds(song: EditorSong): NoteId[] {
  return song.tracks.flatMap((t) => (t.hidden ? [] : t.notes.map((n) => n.id)))
}

/** The track with this id, if the song has it. */
export function findTrack(song: EditorSong, id: TrackId | undefined): EditorTrack | undefined {
  return id === undefined ? undefined : song.tracks.find((t) => t.id === id)
}
