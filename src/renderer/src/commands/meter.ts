import type { Song, Ticks } from '$shared/music/types.ts'
import type { EditorSong, NoteId } from '../state/editorSong.ts'
import { barStartTick, barAtTick } from '$shared/music/bars.ts'
import type { Edit } from './edit.ts'

/** Sets the tempo in beats per minute from `atTick` on (at 0 it replaces the song's starting tempo). */
export function setTempo(song: EditorSong, selection: ReadonlySet<NoteId>, bpm: number, atTick: Ticks = 0): Edit {
  const microsecondsPerQuarter = Math.round(60_000_000 / Math.min(400, Math.max(10, bpm)))
  const others = song.tempos.filter((t) => t.ticks !== atTick)
  const tempos = [...others, { ticks: atTick, microsecondsPerQuarter }].sort((a, b) => a.ticks - b.ticks)
  if (tempos[0]?.ticks !== 0) tempos.unshift({ ticks: 0, microsecondsPerQuarter: 500_000 })
  return { song: { ...song, tempos }, selection }
}

/**
 * Sets the time signature from the start of `bar` on (bar 0 changes the song's first signature).
 * The following signature changes are kept; the grid and bar numbers follow.
 */
export function setTimeSignature(song: EditorSong, selection: ReadonlySet<NoteId>, numerator: number, denominator: number, bar = 0): Edit {
  const n = Math.min(32, Math.max(1, Math.round(numerator)))
  const d = [1, 2, 4, 8, 16, 32].includes(denominator) ? denominator : 4
  const atTick = barStartTick(song, bar)
  const others = song.timeSignatures.filter((t) => t.ticks !== atTick && (atTick !== 0 || t.ticks !== 0))
  const timeSignatures = [...others, { ticks: atTick, numerator: n, denominator: d }].sort((a, b) => a.ticks - b.ticks)
  return { song: { ...song, timeSignatures }, selection }
}

/** The bar at a tick (re-exported for the toolbar, which edits the signature of the bar in view). */
export function barOf(song: Song, tick: Ticks): number {
  return barAtTick(song, tick)
}
