/** A time in seconds. */
export type Seconds = number
import type { Song, Ticks } from '$shared/music/types.ts'
import { DEFAULT_MICROSECONDS_PER_QUARTER } from '$shared/music/constants.ts'

/** Converts between ticks and seconds through a song's tempo map (piecewise constant tempo). */
export class TempoMap {
  private readonly starts: { tick: Ticks; seconds: Seconds; secondsPerTick: number }[] = []

  constructor(song: Pick<Song, 'ppq' | 'tempos'>) {
    const tempos = song.tempos.length > 0 ? song.tempos : [{ ticks: 0, microsecondsPerQuarter: DEFAULT_MICROSECONDS_PER_QUARTER }]
    let seconds = 0
    let previous: { tick: Ticks; secondsPerTick: number } | undefined
    for (const tempo of tempos) {
      const tick = this.starts.length === 0 ? 0 : tempo.ticks
      if (previous) seconds += (tick - previous.tick) * previous.secondsPerTick
      const secondsPerTick = tempo.microsecondsPerQuarter / 1e6 / song.ppq
      if (this.starts.length > 0 && this.starts[this.starts.length - 1]!.tick === tick) this.starts.pop()
      this.starts.push({ tick, seconds, secondsPerTick })
      previous = { tick, secondsPerTick }
    }
  }

  /** Seconds from the start of the song to `tick`. */
  seconds(tick: Ticks): Seconds {
    let segment = this.starts[0]!
    for (const s of this.starts) if (s.tick <= tick) segment = s
    return segment.seconds + (tick - segment.tick) * segment.secondsPerTick
  }

  /** The tick (fractional) reached after `seconds`. */
  ticks(seconds: Seconds): Ticks {
    let segment = this.starts[0]!
    for (const s of this.starts) if (s.seconds <= seconds) segment = s
    return segment.tick + (seconds - segment.seconds) / segment.secondsPerTick
  }
}
