import type { Song, Ticks } from '$shared/music/types.ts'
import { barAtTick, barStartTick, beatTicks, timeSignatureAt } from '$shared/music/bars.ts'
import { TempoMap, type Seconds } from './timing.ts'

/** One metronome click. */
export interface Click {
  /** Where it falls in the song. */
  tick: Ticks
  /** When, from the song's start. */
  time: Seconds
  /** The first beat of a bar. */
  accent: boolean
}

/** A click of the count-in, counted from the count-in's start. */
export interface CountInClick {
  /** Seconds after the count-in starts. */
  offset: Seconds
  /** The count-in's first beat. */
  accent: boolean
}

/**
 * The metronome's clicks in ticks [from, to): one per beat of the time signature in force (6/8 clicks
 * six eighths), the first of each bar accented, a bar cut short by a signature change ending its beats
 * there; times follow the tempo changes.
 */
export function clicksBetween(song: Pick<Song, 'ppq' | 'tempos' | 'timeSignatures'>, from: Ticks, to: Ticks): Click[] {
  const tempo = new TempoMap(song)
  const clicks: Click[] = []
  for (let bar = barAtTick(song, Math.max(0, from)); barStartTick(song, bar) < to; bar++) {
    const start = barStartTick(song, bar)
    const next = barStartTick(song, bar + 1)
    const beat = beatTicks(timeSignatureAt(song, start), song.ppq)
    for (let k = 0; start + Math.round(k * beat) < next; k++) {
      const tick = start + Math.round(k * beat)
      if (tick >= from && tick < to) clicks.push({ tick, time: tempo.seconds(tick), accent: k === 0 })
    }
  }
  return clicks
}

/** One bar of clicks before `tick`, in the signature and tempo in force there: the count-in. */
export function countInClicks(
  song: Pick<Song, 'ppq' | 'tempos' | 'timeSignatures'>,
  tick: Ticks,
): { clicks: CountInClick[]; seconds: Seconds } {
  const tempo = new TempoMap(song)
  const secondsPerTick = tempo.seconds(tick + 1) - tempo.seconds(tick)
  const signature = timeSignatureAt(song, tick)
  const beat = beatTicks(signature, song.ppq) * secondsPerTick
  const clicks = Array.from({ length: signature.numerator }, (_, k) => ({ offset: k * beat, accent: k === 0 }))
  return { clicks, seconds: signature.numerator * beat }
}
