import type { BarRange, Song, Ticks, TimeSignatureChange } from './types.ts'

/** What bar arithmetic needs from a song. */
export type Meter = Pick<Song, 'ppq' | 'timeSignatures'>

/** A stretch of constant time signature: bars from `firstBar` start at `startTick` every `barTicks`. */
interface Segment {
  startTick: Ticks
  firstBar: number
  barTicks: number
}

const FOUR_FOUR: TimeSignatureChange = { ticks: 0, numerator: 4, denominator: 4 }

/** Ticks in one beat (one denominator unit) at this PPQ; may be fractional for odd PPQs. */
export function beatTicks(signature: Pick<TimeSignatureChange, 'denominator'>, ppq: number): number {
  return (ppq * 4) / signature.denominator
}

/** Ticks in one full bar of this signature; may be fractional for odd PPQs. */
export function fullBarTicks(signature: Pick<TimeSignatureChange, 'numerator' | 'denominator'>, ppq: number): number {
  return signature.numerator * beatTicks(signature, ppq)
}

// A signature change always starts a new bar (as DAWs do), so a change that falls mid-bar leaves a
// shorter bar before it. Partial bars count as bars.
function segments(meter: Meter): Segment[] {
  const changes = meter.timeSignatures.length > 0 ? meter.timeSignatures : [FOUR_FOUR]
  const result: Segment[] = []
  let firstBar = 0
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!
    const startTick = i === 0 ? 0 : change.ticks
    const previous = result[result.length - 1]
    if (previous) {
      if (startTick <= previous.startTick) {
        previous.barTicks = fullBarTicks(change, meter.ppq) // two changes at one tick: the later wins
        continue
      }
      firstBar = previous.firstBar + Math.ceil((startTick - previous.startTick) / previous.barTicks)
    }
    result.push({ startTick, firstBar, barTicks: fullBarTicks(change, meter.ppq) })
  }
  return result
}

function segmentOfBar(all: Segment[], bar: number): Segment {
  let found = all[0]!
  for (const s of all) if (s.firstBar <= bar) found = s
  return found
}

function segmentOfTick(all: Segment[], tick: Ticks): Segment {
  let found = all[0]!
  for (const s of all) if (s.startTick <= tick) found = s
  return found
}

function startInSegment(s: Segment, bar: number, next: Segment | undefined): Ticks {
  if (next && bar >= next.firstBar) return next.startTick
  return s.startTick + Math.round((bar - s.firstBar) * s.barTicks)
}

/** The tick where bar `bar` (counted from 0) starts. */
export function barStartTick(meter: Meter, bar: number): Ticks {
  const all = segments(meter)
  const s = segmentOfBar(all, bar)
  return startInSegment(s, bar, all[all.indexOf(s) + 1])
}

/** The bar (counted from 0) that contains `tick`. */
export function barAtTick(meter: Meter, tick: Ticks): number {
  const all = segments(meter)
  const s = segmentOfTick(all, tick)
  const next = all[all.indexOf(s) + 1]
  let bar = s.firstBar + Math.floor((tick - s.startTick) / s.barTicks)
  // Rounded bar starts can sit a tick either side of the exact division.
  while (bar > s.firstBar && startInSegment(s, bar, next) > tick) bar--
  while (startInSegment(s, bar + 1, next) <= tick) bar++
  return bar
}

/** The ticks [start, end) that a bar range covers. */
export function barRangeTicks(meter: Meter, range: BarRange): { start: Ticks; end: Ticks } {
  return { start: barStartTick(meter, range.start), end: barStartTick(meter, range.end) }
}

/** The time signature in force at `tick`. */
export function timeSignatureAt(meter: Meter, tick: Ticks): TimeSignatureChange {
  let found = meter.timeSignatures[0] ?? FOUR_FOUR
  for (const change of meter.timeSignatures) if (change.ticks <= tick) found = change
  return found
}

/** Where `tick` falls: its bar, the beat within the bar (from 0), and the ticks past that beat. */
export function beatAtTick(meter: Meter, tick: Ticks): { bar: number; beat: number; ticksIntoBeat: number } {
  const bar = barAtTick(meter, tick)
  const offset = tick - barStartTick(meter, bar)
  const perBeat = beatTicks(timeSignatureAt(meter, tick), meter.ppq)
  const beat = Math.floor(offset / perBeat)
  return { bar, beat, ticksIntoBeat: offset - Math.round(beat * perBeat) }
}
