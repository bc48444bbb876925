import type { Note } from '$shared/music/types.ts'
import { newTrack } from '../tracks/newTrack.ts'
import { existingIds, type EditorNote, type EditorSong, type EditorTrack, type NoteId } from '../state/editorSong.ts'
import { tidyNotes } from './tidy.ts'

/** What every command returns: the new song and the notes selected afterwards. */
export interface Edit {
  /** The changed song (a new object; the old one is left as it was, for undo). */
  song: EditorSong
  /** The ids of the notes selected after the change. */
  selection: ReadonlySet<NoteId>
}

/** The shape of every command: the song and the selected ids in, an Edit out. */
export type Command = (song: EditorSong, selection: ReadonlySet<NoteId>) => Edit

/** The track new notes go to: the chosen draw track if it is shown, else the first shown track that is not drums (-1: none). */
export function editTrackIndex(song: EditorSong): number {
  const usable = (t: EditorTrack) => !t.isDrum && !t.hidden
  const chosen = song.tracks.findIndex((t) => t.id === song.roles.draw && usable(t))
  return chosen >= 0 ? chosen : song.tracks.findIndex(usable)
}

/** The song with a track to write into at `index`: the given index, else the edit track, else a new "Piano" track. */
export function withEditTrack(song: EditorSong, index = editTrackIndex(song)): { song: EditorSong; index: number } {
  if (index >= 0 && index < song.tracks.length) return { song, index }
  const piano = newTrack(song, 'Piano')
  return { song: { ...song, tracks: [...song.tracks, piano] }, index: song.tracks.length }
}

/**
 * Rewrites notes in every track: `change` returns the note's replacement (keeping its id), null to
 * delete it, or the same note to keep it. Changed tracks are tidied; the selection keeps the ids that
 * are still there.
 */
export function mapNotes(song: EditorSong, selection: ReadonlySet<NoteId>, change: (note: EditorNote) => EditorNote | null): Edit {
  let changed = false
  const tracks = song.tracks.map((track): EditorTrack => {
    let trackChanged = false
    const notes: EditorNote[] = []
    for (const note of track.notes) {
      const next = change(note)
      if (next !== note) trackChanged = true
      if (next) notes.push(next)
    }
    if (!trackChanged) return track
    changed = true
    return { ...track, notes: tidyNotes(notes) }
  })
  if (!changed) return { song, selection }
  const next = { ...song, tracks }
  return { song: next, selection: existingIds(next, selection) }
}

/** Adds notes (with their new ids) to the track at `trackIndex` (the edit track by default) and selects exactly them. */
export function insertNotes(song: EditorSong, added: readonly EditorNote[], trackIndex?: number): Edit {
  const target = withEditTrack(song, trackIndex)
  const tracks = target.song.tracks.map((track, i) =>
    i === target.index ? { ...track, notes: tidyNotes([...track.notes, ...added]) } : track,
  )
  const next = { ...target.song, tracks }
  return { song: next, selection: existingIds(next, new Set(added.map((n) => n.id))) }
}

/** Clamps a value to [low, high]. */
export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}

/** Where some notes lie: first start, last end, lowest and highest pitch (a loop: spreading 200,000 arguments overflows the stack). */
export function noteExtent(notes: Iterable<Note>): { start: number; end: number; low: number; high: number } {
  let start = Infinity
  let end = -Infinity
  let low = Infinity
  let high = -Infinity
  for (const n of notes) {
    if (n.ticks < start) start = n.ticks
    if (n.ticks + n.durationTicks > end) end = n.ticks + n.durationTicks
    if (n.pitch < low) low = n.pitch
    if (n.pitch > high) high = n.pitch
  }
  return { start, end, low, high }
}
