import type { Note, Ticks } from '$shared/music/types.ts'
import type { Meter } from '$shared/music/bars.ts'
import { isPianoPitch } from '$shared/music/constants.ts'
import { normalizeNotes } from '$shared/music/notes.ts'
import { gridTicks, snapTick, type Grid } from '../commands/snap.ts'
import type { MidiEvent } from './messages.ts'

/** A keyboard event placed on the song's timeline (fractional ticks; before the start during the count-in). */
export interface TimedEvent {
  /** Where in the song it happened. */
  tick: Ticks
  /** What happened. */
  event: MidiEvent
}

/** How a take's events become notes. */
export interface TakeOptions {
  /** Where the take starts (the end of the count-in): notes begun earlier start here. */
  startTick: Ticks
  /** Where it ends (Stop, or now while recording): keys and the pedal still down end here. */
  endTick: Ticks
  /** Snap starts and ends to this grid (bar by bar, as the editor snaps); undefined keeps them as played. */
  quantize?: { meter: Meter; grid: Grid } | undefined
}

interface Sounding {
  start: Ticks
  velocity: number
  /** The key is still down (false: only the pedal holds it). */
  held: boolean
}

/**
 * The notes of a take, as a piano would sound them: each key-down pairs with its key-up; a key let go
 * while the sustain pedal is down sounds on until the pedal comes up or the key is struck again. A key
 * pressed in the count-in starts at the take's start (a player coming in a little early); one let go
 * before it is dropped, and so are keys off the piano and events after the end. Returns notes in the
 * Track.notes order, at whole ticks, at least one tick (or one grid step) long.
 */
export function takeNotes(events: readonly TimedEvent[], options: TakeOptions): Note[] {
  const { startTick, endTick } = options
  const sounding = new Map<number, Sounding>()
  const played: Note[] = []
  const end = (pitch: number, at: Ticks) => {
    const s = sounding.get(pitch)
    if (!s) return
    sounding.delete(pitch)
    const start = Math.max(s.start, startTick)
    if (at > startTick && isPianoPitch(pitch)) played.push({ pitch, ticks: start, durationTicks: at - start, velocity: s.velocity })
  }
  let pedalDown = false
  for (const { tick, event } of [...events].sort((a, b) => a.tick - b.tick)) {
    if (tick > endTick) break
    if (event.type === 'keyDown') {
      end(event.pitch, tick)
      sounding.set(event.pitch, { start: tick, velocity: event.velocity, held: true })
    } else if (event.type === 'keyUp') {
      const s = sounding.get(event.pitch)
      if (s && pedalDown) s.held = false
      else end(event.pitch, tick)
    } else {
      pedalDown = event.down
      if (!pedalDown) for (const [pitch, s] of [...sounding]) if (!s.held) end(pitch, tick)
    }
  }
  for (const pitch of [...sounding.keys()]) end(pitch, endTick)
  const q = options.quantize
  return normalizeNotes(played.map((n) => (q && q.grid !== 'off' ? quantized(n, q.meter, q.grid) : rounded(n))))
}

function rounded(note: Note): Note {
  const start = Math.round(note.ticks)
  return { ...note, ticks: start, durationTicks: Math.max(1, Math.round(note.ticks + note.durationTicks) - start) }
}

function quantized(note: Note, meter: Meter, grid: Exclude<Grid, 'off'>): Note {
  const start = snapTick(meter, grid, note.ticks)
  const shortest = snapTick(meter, grid, start + gridTicks(grid, meter.ppq))
  const end = Math.max(snapTick(meter, grid, note.ticks + note.durationTicks), shortest)
  return { ...note, ticks: start, durationTicks: end - start }
}
