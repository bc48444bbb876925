import type { Note, Ticks } from '$shared/music/types.ts'
import { withNewId, type EditorSong } from '../state/editorSong.ts'
import { editTrackIndex, insertNotes, type Edit } from './edit.ts'

/** How a take goes into the song: added to what is there (overdub), or in place of it (replace). */
export type RecordMode = 'overdub' | 'replace'

/** What one recording pass played. */
export interface Take {
  /** The notes played (see midi/take.ts). */
  notes: readonly Note[]
  /** Where recording started (after the count-in). */
  startTick: Ticks
  /** Where it stopped. */
  endTick: Ticks
}

/**
 * Writes a take into the track new notes go to, as new notes, and selects them. Replace first removes
 * that track's notes that start where the take ran, [startTick, endTick); overdub keeps them. Other
 * tracks are never touched.
 */
export function recordTake(song: EditorSong, take: Take, mode: RecordMode): Edit {
  const index = editTrackIndex(song)
  let base = song
  const track = song.tracks[index]
  if (mode === 'replace' && track) {
    const kept = track.notes.filter((n) => n.ticks < take.startTick || n.ticks >= take.endTick)
    if (kept.length !== track.notes.length) base = { ...song, tracks: song.tracks.map((t, i) => (i === index ? { ...t, notes: kept } : t)) }
  }
  if (take.notes.length === 0) return { song: base, selection: new Set() }
  return insertNotes(
    base,
    take.notes.map((n) => withNewId(n)),
  )
}
