/**
 * The one mapping between notes and 88-key piano-roll frames; nothing else in the app knows it.
 *
 * A frame is one grid step (a quarter note / stepsPerQuarter) and lists the keys sounding in that
 * step: sorted, distinct key indices 0..87 (key = MIDI pitch - 21), the format of the training data.
 *
 * What a frame cannot express, so it is lost going notes -> frames -> notes:
 * - velocity (frames -> notes gives every note one velocity);
 * - a key struck again while still held: a note that starts on the step where the previous note of
 *   the same key ends makes one unbroken run, which comes back as one long note;
 * - timing finer than a step, and notes outside the 88 keys (they are left out).
 *
 * Off-grid notes: a note's start and end snap to the nearest step boundary (half-way rounds later),
 * and a note shorter than a step still fills the step it snaps to, so no note vanishes. Notes that
 * began before the range but still sound in it fill the range from its first frame.
 */
import type { BarRange, Note, Steps, Ticks } from './types.ts'
import type { Meter } from './bars.ts'
import { barRangeTicks } from './bars.ts'
import { KEYS, LOWEST_MIDI, isPianoPitch } from './constants.ts'
import { stepTicks } from './quantize.ts'

/** The keys sounding in one step: sorted, distinct key indices 0..87. */
export type Frame = number[]

/** Velocity given to notes made from frames, which carry none. */
export const DEFAULT_FRAME_VELOCITY = 80

/** The grid of one conversion: where step 0 starts and how long a step is. */
export interface FrameGrid {
  /** Tick where frame 0 starts. */
  startTick: Ticks
  /** Ticks per quarter note of the song. */
  ppq: number
  /** The model's steps per quarter note. */
  stepsPerQuarter: number
}

/** Key index 0..87 of a piano MIDI pitch. */
export function pitchToKey(pitch: number): number {
  return pitch - LOWEST_MIDI
}

/** MIDI pitch of a key index 0..87. */
export function keyToPitch(key: number): number {
  return key + LOWEST_MIDI
}

/** The step boundary nearest `tick` on the grid (may be negative before the start). */
export function tickToStep(grid: FrameGrid, tick: Ticks): Steps {
  return Math.round((tick - grid.startTick) / stepTicks(grid.ppq, grid.stepsPerQuarter))
}

/** The integer tick where step `step` starts. */
export function stepToTick(grid: FrameGrid, step: Steps): Ticks {
  return grid.startTick + Math.round(step * stepTicks(grid.ppq, grid.stepsPerQuarter))
}

/** Frames for `frameCount` steps from grid.startTick; notes outside the 88 keys are left out. */
export function notesToFrames(notes: readonly Note[], grid: FrameGrid, frameCount: number): Frame[] {
  const active: Array<Set<number>> = Array.from({ length: frameCount }, () => new Set<number>())
  for (const note of notes) {
    if (!isPianoPitch(note.pitch)) continue
    const start = tickToStep(grid, note.ticks)
    const end = Math.max(start + 1, tickToStep(grid, note.ticks + note.durationTicks))
    for (let step = Math.max(0, start); step < Math.min(end, frameCount); step++) active[step]!.add(pitchToKey(note.pitch))
  }
  return active.map((keys) => [...keys].sort((a, b) => a - b))
}

/** Frames for the bars in `range` of a song's meter: one frame per step, notes snapped to the grid. */
export function barsToFrames(notes: readonly Note[], meter: Meter, range: BarRange, stepsPerQuarter: number): Frame[] {
  const { start, end } = barRangeTicks(meter, range)
  const grid: FrameGrid = { startTick: start, ppq: meter.ppq, stepsPerQuarter }
  return notesToFrames(notes, grid, Math.max(0, tickToStep(grid, end)))
}

/** Notes from frames: each run of consecutive frames holding a key becomes one note. */
export function framesToNotes(frames: readonly Frame[], grid: FrameGrid, velocity = DEFAULT_FRAME_VELOCITY): Note[] {
  const runStart = new Array<number>(KEYS).fill(-1)
  const notes: Note[] = []
  const close = (key: number, endStep: number): void => {
    const ticks = stepToTick(grid, runStart[key]!)
    notes.push({ pitch: keyToPitch(key), ticks, durationTicks: Math.max(1, stepToTick(grid, endStep) - ticks), velocity })
    runStart[key] = -1
  }
  for (let step = 0; step <= frames.length; step++) {
    const now = new Array<boolean>(KEYS).fill(false)
    // Malformed entries (out of range, fractional) are ignored: frames come from a model.
    for (const key of frames[step] ?? []) if (Number.isInteger(key) && key >= 0 && key < KEYS) now[key] = true
    for (let key = 0; key < KEYS; key++) {
      if (now[key] && runStart[key] === -1) runStart[key] = step
      else if (!now[key] && runStart[key] !== -1) close(key, step)
    }
  }
  return notes.sort((a, b) => a.ticks - b.ticks || a.pitch - b.pitch)
}
