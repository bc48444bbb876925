import type { Ticks } from '$shared/music/types.ts'
import type { EditorNote, EditorSong } from '../state/editorSong.ts'
import { forEachVisible } from './visible.ts'
import type { RollTransform } from './transform.ts'

/** Pixels at a note's right end that grab its length instead of the note. */
export const RESIZE_HANDLE_PX = 6

/** What is under the pointer in the note area. */
export type NoteHit = { note: EditorNote; part: 'body' | 'end' } | undefined

/** The topmost note at (tick, pitch) of the shown tracks, and whether the pointer is on its resize handle. */
export function noteAt(song: EditorSong, transform: RollTransform, x: number, pitch: number): NoteHit {
  const tick = transform.xToTick(x)
  let found: EditorNote | undefined
  for (const track of song.tracks) {
    if (!track.hidden) forEachVisible(track.notes, { start: tick, end: tick + 1, lowPitch: pitch, highPitch: pitch }, (n) => (found = n))
  }
  if (!found) return undefined
  const endX = transform.tickToX(found.ticks + found.durationTicks)
  const width = endX - transform.tickToX(found.ticks)
  return { note: found, part: endX - x <= Math.min(RESIZE_HANDLE_PX, width / 3) ? 'end' : 'body' }
}

/** Every note of the shown tracks that overlaps the box [tickA, tickB] x [pitchA, pitchB] (corners in any order). */
export function notesInBox(song: EditorSong, tickA: Ticks, tickB: Ticks, pitchA: number, pitchB: number): EditorNote[] {
  const found: EditorNote[] = []
  const range = {
    start: Math.min(tickA, tickB),
    end: Math.max(tickA, tickB) + 1,
    lowPitch: Math.min(pitchA, pitchB),
    highPitch: Math.max(pitchA, pitchB),
  }
  for (const track of song.tracks) if (!track.hidden) forEachVisible(track.notes, range, (n) => found.push(n))
  return found
}
