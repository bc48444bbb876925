import type { Note, Song, Ticks } from '$shared/music/types.ts'
import { TempoMap, type Seconds } from './timing.ts'
import { audibleTracks } from '../tracks/mix.ts'

/** One note as the player schedules it. */
export interface ScheduledNote {
  /** Seconds from the song's start. */
  time: Seconds
  duration: Seconds
  /** MIDI pitch. */
  pitch: number
  /** 0..1. */
  velocity: number
}

/**
 * The notes to play from `fromTick` (until `toTick` if given), in seconds: every non-drum note of the
 * tracks you hear (mute and solo; playback and Export WAV both come here) that starts in that stretch,
 * plus `extra` notes (a candidate being auditioned).
 */
export function scheduleNotes(song: Song, fromTick: Ticks, toTick = Infinity, extra: readonly Note[] = []): ScheduledNote[] {
  const map = new TempoMap(song)
  const result: ScheduledNote[] = []
  const add = (n: Note) => {
    if (n.ticks < fromTick || n.ticks >= toTick) return
    const time = map.seconds(n.ticks)
    result.push({
      time,
      duration: Math.max(0.02, map.seconds(Math.min(toTick, n.ticks + n.durationTicks)) - time),
      pitch: n.pitch,
      velocity: n.velocity / 127,
    })
  }
  for (const track of audibleTracks(song.tracks)) if (!track.isDrum) track.notes.forEach(add)
  extra.forEach(add)
  return result.sort((a, b) => a.time - b.time)
}

/** The tick where the last note (of the song and `extra`) ends. */
export function songEndTick(song: Song, extra: readonly Note[] = []): Ticks {
  let end = 0
  for (const track of song.tracks) for (const n of track.notes) end = Math.max(end, n.ticks + n.durationTicks)
  for (const n of extra) end = Math.max(end, n.ticks + n.durationTicks)
  return end
}
