import type { Frame } from '../../shared/music/index.ts'
import {
  frameF1,
  frameNotes,
  hasSemitoneClash,
  keyRange,
  mainPitchClasses,
  pitchClassCosine,
  polyphonyByBar,
  topVoiceMoves,
} from './metrics.ts'

/** One continuation's counts, against the real next bars and the primer it continues. */
export interface MusicCounts {
  /** Notes written, and notes in the real next bars. */
  notes: number
  realNotes: number
  /** Frames with at least one key, and those with two keys a semitone apart. */
  soundingFrames: number
  clashFrames: number
  /** Notes in the primer's 7 main pitch classes. */
  inKeyNotes: number
  /** Notes outside the primer's lowest..highest key. */
  outsideRangeNotes: number
  /** Notes that sound from the first frame to the last. */
  heldThroughoutNotes: number
  /** Top-voice changes, steps (1-2 semitones) and leaps (more than a fifth). */
  topMoves: number
  topSteps: number
  topLeaps: number
  /** Frame F1 and pitch-class cosine against the real next bars. */
  f1: number
  pitchClassCosine: number
  /** Mean keys per frame of each written bar. */
  polyphony: number[]
  /** Milliseconds the continuation took (0 for baselines). */
  ms: number
}

/** Counts one continuation: `written` and `real` cover the same bars, `primer` the bars before them. */
export function scoreContinuation(
  written: readonly Frame[],
  real: readonly Frame[],
  primer: readonly Frame[],
  stepsPerBar: number,
  ms = 0,
): MusicCounts {
  const notes = frameNotes(written)
  const inKey = mainPitchClasses(primer)
  const range = keyRange(primer)
  const top = topVoiceMoves(
    written,
    [...primer]
      .reverse()
      .find((frame) => frame.length > 0)
      ?.at(-1),
  )
  return {
    notes: notes.length,
    realNotes: frameNotes(real).length,
    soundingFrames: written.filter((frame) => frame.length > 0).length,
    clashFrames: written.filter(hasSemitoneClash).length,
    inKeyNotes: notes.filter((note) => inKey.has((note.key + 9) % 12)).length,
    outsideRangeNotes: range ? notes.filter((note) => note.key < range.low || note.key > range.high).length : 0,
    heldThroughoutNotes: notes.filter((note) => note.start === 0 && note.length === written.length).length,
    topMoves: top.moves,
    topSteps: top.steps,
    topLeaps: top.leaps,
    f1: frameF1(written, real),
    pitchClassCosine: pitchClassCosine(written, real),
    polyphony: polyphonyByBar(written, stepsPerBar),
    ms,
  }
}

/** The figures of many continuations pooled: ratios of summed counts, means of per-continuation scores. */
export interface MusicSummary {
  continuations: number
  /** Notes written / notes in the real bars. */
  densityRatio: number
  /** Mean keys per frame of each written bar. */
  polyphony: number[]
  f1: number
  pitchClassCosine: number
  inKeyShare: number
  clashShare: number
  topStepShare: number
  topLeapShare: number
  outsideRangeShare: number
  heldThroughoutShare: number
  /** Mean milliseconds per continuation. */
  ms: number
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b)

/** Pools counts (at least one). */
export function summarizeMusic(all: readonly MusicCounts[]): MusicSummary {
  const sum = (pick: (c: MusicCounts) => number): number => all.reduce((total, c) => total + pick(c), 0)
  const notes = sum((c) => c.notes)
  const bars = Math.max(...all.map((c) => c.polyphony.length))
  return {
    continuations: all.length,
    densityRatio: ratio(
      notes,
      sum((c) => c.realNotes),
    ),
    polyphony: Array.from({ length: bars }, (_, bar) =>
      ratio(
        sum((c) => c.polyphony[bar] ?? 0),
        all.filter((c) => bar < c.polyphony.length).length,
      ),
    ),
    f1: ratio(
      sum((c) => c.f1),
      all.length,
    ),
    pitchClassCosine: ratio(
      sum((c) => c.pitchClassCosine),
      all.length,
    ),
    inKeyShare: ratio(
      sum((c) => c.inKeyNotes),
      notes,
    ),
    clashShare: ratio(
      sum((c) => c.clashFrames),
      sum((c) => c.soundingFrames),
    ),
    topStepShare: ratio(
      sum((c) => c.topSteps),
      sum((c) => c.topMoves),
    ),
    topLeapShare: ratio(
      sum((c) => c.topLeaps),
      sum((c) => c.topMoves),
    ),
    outsideRangeShare: ratio(
      sum((c) => c.outsideRangeNotes),
      notes,
    ),
    heldThroughoutShare: ratio(
      sum((c) => c.heldThroughoutNotes),
      notes,
    ),
    ms: ratio(
      sum((c) => c.ms),
      all.length,
    ),
  }
}
