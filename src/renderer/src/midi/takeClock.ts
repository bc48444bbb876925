import type { Song, Ticks } from '$shared/music/types.ts'
import { TempoMap } from '../audio/timing.ts'

/** Where a take sits in time: the page moment (performance.now, ms) at which its first tick is heard. */
export interface TakeClock {
  /** performance.now() when `startTick` sounds. */
  readonly startMs: number
  /** Where the take starts in the song. */
  readonly startTick: Ticks
  readonly tempo: TempoMap
  /** Seconds per tick at the start: the count-in's tempo. */
  readonly countInSecondsPerTick: number
}

/** The clock of a take that starts at `startTick`, heard at `startMs`. */
export function takeClock(song: Pick<Song, 'ppq' | 'tempos'>, startTick: Ticks, startMs: number): TakeClock {
  const tempo = new TempoMap(song)
  return { startMs, startTick, tempo, countInSecondsPerTick: tempo.seconds(startTick + 1) - tempo.seconds(startTick) }
}

/**
 * Where in the song a moment falls (fractional ticks), through the song's tempo changes. Moments in
 * the count-in fall before the start, at the count-in's tempo.
 */
export function tickAt(clock: TakeClock, ms: number): Ticks {
  const seconds = (ms - clock.startMs) / 1000
  if (seconds < 0) return clock.startTick + seconds / clock.countInSecondsPerTick
  return clock.tempo.ticks(clock.tempo.seconds(clock.startTick) + seconds)
}
