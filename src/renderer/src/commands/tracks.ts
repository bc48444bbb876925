import { findTrack, type EditorSong, type EditorTrack, type NoteId, type TrackId, type TrackRoles } from '../state/editorSong.ts'
import { newTrack, numberedName } from '../tracks/newTrack.ts'
import type { Edit } from './edit.ts'

/** What the track list may change about a track. */
export type TrackChange = Partial<Pick<EditorTrack, 'name' | 'color' | 'muted' | 'solo' | 'hidden'>>

/** The selection without the notes of `tracks` (notes that cannot be seen cannot stay selected). */
function deselect(selection: ReadonlySet<NoteId>, tracks: readonly EditorTrack[]): ReadonlySet<NoteId> {
  if (selection.size === 0) return selection
  const gone = new Set(tracks.flatMap((t) => t.notes.map((n) => n.id)))
  const kept = [...selection].filter((id) => !gone.has(id))
  return kept.length === selection.size ? selection : new Set(kept)
}

/** Renames, recolours, mutes, solos, hides or shows one track; hiding it lets go of its selected notes. */
export function changeTrack(song: EditorSong, selection: ReadonlySet<NoteId>, id: TrackId, change: TrackChange): Edit {
  const index = song.tracks.findIndex((t) => t.id === id)
  const track = song.tracks[index]
  if (!track) return { song, selection }
  const entries = Object.entries(change) as [keyof TrackChange, unknown][]
  if (entries.every(([key, value]) => value === undefined || track[key] === value)) return { song, selection }
  const next = { ...track, ...change }
  return { song: { ...song, tracks: song.tracks.with(index, next) }, selection: next.hidden ? deselect(selection, [track]) : selection }
}

/** Adds an empty track ("Track N", its own channel and colour) and draws into it from now on. */
export function addTrack(song: EditorSong, selection: ReadonlySet<NoteId>): Edit {
  const track = newTrack(song, numberedName(song, 'Track'))
  return { song: { ...song, tracks: [...song.tracks, track], roles: { ...song.roles, draw: track.id } }, selection }
}

/** Deletes a track with its notes; the roles that named it go back to their defaults. */
export function deleteTrack(song: EditorSong, selection: ReadonlySet<NoteId>, id: TrackId): Edit {
  const track = findTrack(song, id)
  if (!track) return { song, selection }
  const { draw, listen, write } = song.roles
  const roles: TrackRoles = {
    draw: draw === id ? undefined : draw,
    listen: listen === id ? 'all' : listen,
    write: write === id ? 'new' : write,
  }
  return { song: { ...song, tracks: song.tracks.filter((t) => t !== track), roles }, selection: deselect(selection, [track]) }
}

/** Chooses the tracks new notes and Continue use (a track that is not in the song is not chosen). */
export function setTrackRoles(song: EditorSong, selection: ReadonlySet<NoteId>, change: Partial<TrackRoles>): Edit {
  const roles = { ...song.roles, ...change }
  const known = (id: TrackId | string | undefined) => typeof id !== 'number' || findTrack(song, id) !== undefined
  if (!known(roles.draw) || !known(roles.listen) || !known(roles.write)) return { song, selection }
  const same = roles.draw === song.roles.draw && roles.listen === song.roles.listen && roles.write === song.roles.write
  return same ? { song, selection } : { song: { ...song, roles }, selection }
}
