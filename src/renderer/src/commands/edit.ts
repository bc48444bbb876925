import type { Note, Song, Track } from '../../../shared/music/types.ts'
import { createTrack } from '../../../shared/music/song.ts'
import { tidyNotes } from './tidy.ts'

/** What every command returns: the new song and the notes selected afterwards. */
export interface Edit {
  /** The changed song (a new object; the old one is left as it was, for undo). */
  song: Song
  /** The notes selected after the change, by identity. */
  selection: ReadonlySet<Note>
}

/** The track new notes go to: the first non-drum track. */
export function editTrackIndex(song: Song): number {
  return song.tracks.findIndex((t) => !t.isDrum)
}

/** The song with a melodic track to write into (one is added when there is none). */
export function withEditTrack(song: Song): { song: Song; index: number } {
  const index = editTrackIndex(song)
  if (index >= 0) return { song, index }
  return { song: { ...song, tracks: [...song.tracks, createTrack(0, 'Piano')] }, index: song.tracks.length }
}

/**
 * Rewrites notes in every track: `change` returns the note's replacement, null to delete it, or the
 * same note to keep it. Changed tracks are tidied; the selection follows replaced notes.
 */
export function mapNotes(song: Song, selection: ReadonlySet<Note>, change: (note: Note) => Note | null): Edit {
  const nextSelection = new Set<Note>()
  let changed = false
  const tracks = song.tracks.map((track): Track => {
    let trackChanged = false
    const notes: Note[] = []
    const followed = new Map<Note, Note>()
    for (const note of track.notes) {
      const next = change(note)
      if (next !== note) trackChanged = true
      if (next) {
        notes.push(next)
        if (selection.has(note)) followed.set(next, next)
      }
    }
    if (!trackChanged) {
      for (const note of track.notes) if (selection.has(note)) nextSelection.add(note)
      return track
    }
    changed = true
    const replaced = new Map<Note, Note | null>()
    const tidy = tidyNotes(notes, replaced)
    for (const note of followed.keys()) {
      const final = replaced.has(note) ? replaced.get(note) : note
      if (final) nextSelection.add(final)
    }
    return { ...track, notes: tidy }
  })
  return { song: changed ? { ...song, tracks } : song, selection: nextSelection }
}

/** Adds notes to the edit track and selects exactly them. */
export function insertNotes(song: Song, added: readonly Note[]): Edit {
  const target = withEditTrack(song)
  const replaced = new Map<Note, Note | null>()
  const tracks = target.song.tracks.map((track, i) => (i === target.index ? { ...track, notes: tidyNotes([...track.notes, ...added], replaced) } : track))
  const selection = new Set<Note>()
  for (const note of added) {
    const final = replaced.has(note) ? replaced.get(note) : note
    if (final) selection.add(final)
  }
  return { song: { ...target.song, tracks }, selection }
}

/** Every note of the song, across tracks. */
export function allNotes(song: Song): Note[] {
  return song.tracks.flatMap((t) => t.notes)
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
