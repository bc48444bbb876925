import type { Note, Song } from '../../../shared/music/types.ts'
import { createSong } from '../../../shared/music/song.ts'
import { withNoteIds, type EditorSong } from '../state/editorSong.ts'

/** A 4/4 song at PPQ 480 with these notes in its one track, with editor ids (for tests). */
export function songWith(notes: Partial<Note>[]): EditorSong {
  const song = createSong(480)
  const full = notes.map((n) => ({ pitch: 60, ticks: 0, durationTicks: 480, velocity: 80, ...n }))
  return withNoteIds({ ...song, tracks: [{ ...song.tracks[0]!, notes: full.sort((a, b) => a.ticks - b.ticks || a.pitch - b.pitch) }] })
}

/** The notes of the song's first track as plain values (without editor ids). */
export function notesOf(song: Song): Note[] {
  return song.tracks[0]?.notes.map(({ pitch, ticks, durationTicks, velocity }) => ({ pitch, ticks, durationTicks, velocity })) ?? []
}
