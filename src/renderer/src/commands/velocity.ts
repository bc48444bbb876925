import type { Ticks } from '$shared/music/types.ts'
import type { EditorNote, EditorSong, NoteId } from '../state/editorSong.ts'
import { clamp, mapNotes, type Edit } from './edit.ts'

/** A point in the velocity lane: a tick and a velocity. */
export interface VelocityPoint {
  tick: Ticks
  velocity: number
}

/** The notes the lane may change: the selected ones when there are any, else all; never a hidden track's. */
function editable(song: EditorSong, selection: ReadonlySet<NoteId>): (note: EditorNote) => boolean {
  // Built from the hidden tracks only: usually none, so a stroke over a long song costs no set of every id.
  const hidden = new Set(song.tracks.flatMap((t) => (t.hidden ? t.notes.map((n) => n.id) : [])))
  return selection.size > 0 ? (n) => selection.has(n.id) && !hidden.has(n.id) : (n) => !hidden.has(n.id)
}

/**
 * Draws velocities in the lane. When `from` and `to` are no more than `reach` ticks apart (a click, or a
 * drag straight up or down) the notes that start nearest `from.tick`, within `reach`, take `to.velocity`:
 * one note, or one chord. Further apart, the notes that start between them (give or take `reach`) take
 * the value of the straight line from `from` to `to` at their start: a ramp. Either way only the
 * selected notes change when some are selected; the selection stays as it was.
 */
export function rampVelocity(song: EditorSong, selection: ReadonlySet<NoteId>, from: VelocityPoint, to: VelocityPoint, reach: Ticks): Edit {
  const may = editable(song, selection)
  const value = (v: number) => clamp(Math.round(v), 1, 127)
  let target: (n: EditorNote) => number | undefined
  if (Math.abs(to.tick - from.tick) <= reach) {
    let nearest = Infinity
    for (const track of song.tracks) for (const n of track.notes) if (may(n)) nearest = Math.min(nearest, Math.abs(n.ticks - from.tick))
    target = (n) => (nearest <= reach && Math.abs(n.ticks - from.tick) === nearest ? value(to.velocity) : undefined)
  } else {
    const [a, b] = from.tick < to.tick ? [from, to] : [to, from]
    target = (n) => {
      if (n.ticks < a.tick - reach || n.ticks > b.tick + reach) return undefined
      const along = clamp((n.ticks - a.tick) / (b.tick - a.tick), 0, 1)
      return value(a.velocity + (b.velocity - a.velocity) * along)
    }
  }
  return mapNotes(song, selection, (n) => {
    const v = may(n) ? target(n) : undefined
    return v === undefined || v === n.velocity ? n : { ...n, velocity: v }
  })
}
