import {
  barRangeTicks,
  barsToFrames,
  estimateKey,
  framesToNotes,
  isPianoPitch,
  KEYS,
  LOWEST_MIDI,
  tickToStep,
  type Frame,
  type FrameGrid,
  type BarRange,
  type Meter,
  type Note,
} from '../shared/music/index.ts'
import type { Candidate, ContinueRequest, KeyUsed } from '../shared/ipc/index.ts'

/** Everything a generation needs, worked out from a request and the model's resolution. */
export interface ContinuationPlan {
  /** The primer (context bars and selection) in the model's key, one frame per model step. */
  primer: Frame[]
  /** Model steps to write. */
  stepsToWrite: number
  /** Which keys may sound in what is written (model key space), true = allowed. */
  allowedKeys: boolean[]
  /** Semitones added to move the primer into the model's key; subtracted from what is written. */
  transpose: number
  /** The key the primer was heard in, for the answer. */
  key: KeyUsed
  /** Grid of the written frames in the song's ticks. */
  writeGrid: FrameGrid
  /** Ticks where the written bars start and end. */
  startTick: number
  endTick: number
  /** Model steps per bar where the writing starts (the lags of phrase memory count in bars). */
  stepsPerBar: number
  /** Velocity of written notes: the primer's mean, so that a continuation keeps its dynamics. */
  velocity: number
}

/** A request that cannot be continued, in words the user can act on. */
export class ContinuationError extends Error {
  override name = 'ContinuationError'
}

/** Shifts each frame's keys by `semitones`, dropping keys that leave the keyboard. */
export function transposeFrames(frames: readonly Frame[], semitones: number): Frame[] {
  if (semitones === 0) return frames.map((frame) => [...frame])
  return frames.map((frame) => frame.map((key) => key + semitones).filter((key) => key >= 0 && key < KEYS))
}

/** The notes that sound in the primer bars (context and selection) on the 88 keys, and its bar range. */
export function primerNotes(request: ContinueRequest): { notes: Note[]; range: BarRange; meter: Meter } {
  const meter: Meter = { ppq: request.ppq, timeSignatures: request.timeSignatures }
  const range = { start: Math.max(0, request.selection.start - request.contextBars), end: request.selection.end }
  const ticks = barRangeTicks(meter, range)
  const notes = request.notes.filter(
    (note) => isPianoPitch(note.pitch) && note.ticks < ticks.end && note.ticks + note.durationTicks > ticks.start,
  )
  return { notes, range, meter }
}

/** The key a key profile estimates (Krumhansl-Schmuckler), or "as written" when the notes state none. */
export function profileKey(notes: readonly Note[]): KeyUsed {
  const estimate = estimateKey(notes)
  if (!estimate) return AS_WRITTEN
  return { name: estimate.name, tonic: estimate.tonic, mode: estimate.mode, transpose: estimate.transposeToC, chosenBy: 'profile' }
}

/** The primer left where it is. */
export const AS_WRITTEN: KeyUsed = { name: 'as written', tonic: 0, mode: 'major', transpose: 0, chosenBy: 'none' }

/**
 * Maps the request onto the model: the context bars and selection become frames at the model's
 * steps per quarter, moved by `key` to C major / C minor (the key the training data was normalised to;
 * default: a key profile's estimate); the bars to write keep the song's time signatures.
 */
export function planContinuation(request: ContinueRequest, stepsPerQuarter: number, key?: KeyUsed): ContinuationPlan {
  const { notes: inPrimer, range: primerRange, meter } = primerNotes(request)
  const selectionTicks = barRangeTicks(meter, request.selection)
  const inSelection = inPrimer.filter((note) => note.ticks < selectionTicks.end && note.ticks + note.durationTicks > selectionTicks.start)
  if (inSelection.length === 0) throw new ContinuationError('the selected bars hold no piano notes to continue')

  const used = key ?? profileKey(inPrimer)
  const transpose = used.transpose
  const primer = transposeFrames(barsToFrames(inPrimer, meter, primerRange, stepsPerQuarter), transpose)

  const write = barRangeTicks(meter, { start: request.selection.end, end: request.selection.end + request.barsToWrite })
  const writeGrid: FrameGrid = { startTick: write.start, ppq: request.ppq, stepsPerQuarter }
  const stepsToWrite = Math.max(1, tickToStep(writeGrid, write.end))

  const low = request.pitchRange?.low ?? LOWEST_MIDI
  const high = request.pitchRange?.high ?? LOWEST_MIDI + KEYS - 1
  const allowedKeys = Array.from({ length: KEYS }, (_, key) => {
    const pitch = key + LOWEST_MIDI - transpose // the pitch this model key becomes in the song
    return pitch >= low && pitch <= high
  })
  if (!allowedKeys.some(Boolean)) throw new ContinuationError('the pitch range leaves no key to play')

  const barAtEnd = barRangeTicks(meter, { start: request.selection.end - 1, end: request.selection.end })
  const stepsPerBar = Math.max(1, Math.round(((barAtEnd.end - barAtEnd.start) * stepsPerQuarter) / request.ppq))
  const velocity = Math.round(inSelection.reduce((sum, note) => sum + note.velocity, 0) / inSelection.length)
  return {
    primer,
    stepsToWrite,
    allowedKeys,
    transpose,
    key: used,
    writeGrid,
    stepsPerBar,
    startTick: write.start,
    endTick: write.end,
    velocity: Math.min(127, Math.max(1, velocity)),
  }
}

/** Turns written frames (model key space) back into notes in the song's key and ticks. */
export function framesToCandidate(frames: readonly Frame[], plan: ContinuationPlan): Candidate {
  const notes: Note[] = framesToNotes(transposeFrames(frames, -plan.transpose), plan.writeGrid, plan.velocity)
  // The last written note may reach past the last step boundary's rounding; keep it inside the bars written.
  return { notes: notes.map((note) => ({ ...note, durationTicks: Math.max(1, Math.min(note.durationTicks, plan.endTick - note.ticks)) })) }
}
