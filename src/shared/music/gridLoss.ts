import type { BarRange, Note } from './types.ts'
import type { Meter } from './bars.ts'
import { barRangeTicks } from './bars.ts'
import { barsToFrames, framesToNotes } from './pianoRoll.ts'
import { isPianoPitch } from './constants.ts'

/** What the model's grid does to the notes of some bars. */
export interface GridLoss {
  /** Piano notes sounding in the bars. */
  notes: number
  /** How many of them the grid merges into others: notes shorter than a step, re-struck keys, close triplets. */
  merged: number
  /** The grid step in words, e.g. "eighth notes". */
  step: string
}

const STEP_NAMES: Record<number, string> = { 1: 'quarter notes', 2: 'eighth notes', 3: 'eighth-note triplets', 4: 'sixteenth notes' }

/**
 * How many notes of `range` the model cannot hear apart at `stepsPerQuarter`: the notes that sound
 * there minus the notes that come back from its frames (a re-struck key held through, two sixteenths on
 * one eighth step, ...). Pure, so the Continue panel can say it before anything is sent.
 */
export function gridLoss(notes: readonly Note[], meter: Meter, range: BarRange, stepsPerQuarter: number): GridLoss {
  const ticks = barRangeTicks(meter, range)
  const inRange = notes.filter(
    (note) => isPianoPitch(note.pitch) && note.ticks < ticks.end && note.ticks + note.durationTicks > ticks.start,
  )
  const heard = framesToNotes(barsToFrames(inRange, meter, range, stepsPerQuarter), {
    startTick: ticks.start,
    ppq: meter.ppq,
    stepsPerQuarter,
  })
  return {
    notes: inRange.length,
    merged: Math.max(0, inRange.length - heard.length),
    step: STEP_NAMES[stepsPerQuarter] ?? `1/${4 * stepsPerQuarter} notes`,
  }
}

/** The line the Continue panel and the CLI show: "the model hears eighth notes: 23 notes were merged", or nothing. */
export function describeGridLoss(loss: GridLoss): string | undefined {
  if (loss.merged === 0) return undefined
  return `the model hears ${loss.step}: ${loss.merged} of ${loss.notes} notes ${loss.merged === 1 ? 'was' : 'were'} merged`
}
