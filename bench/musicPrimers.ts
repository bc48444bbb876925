// The primers of bench:music: excerpts of the validation splits (never test) and of the real pieces in
// test/fixtures/pieces.ts, each with the bars that prime the model and the real bars that follow.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { loadPianoRollJson } from '../src/training/data.ts'
import {
  barRangeTicks,
  barStartTick,
  framesToNotes,
  modelNotes,
  notesToFrames,
  type Frame,
  type Note,
  type Song,
  type TimeSignatureChange,
} from '../src/shared/music/index.ts'
import { PIECES } from '../test/fixtures/pieces.ts'

/** One primer and the real continuation it is measured against. */
export interface MusicPrimer {
  /** The group it is reported in: a dataset's name, or "pieces". */
  set: string
  /** e.g. "nottingham #12 from bar 9". */
  label: string
  ppq: number
  timeSignatures: TimeSignatureChange[]
  /** The notes of the primer bars only (the real next bars stay hidden from the model). */
  notes: Note[]
  /** Bars that prime. */
  primerBars: number
  /** The real next bars as eighth-note frames in the song's pitches, and the primer's. */
  real: Frame[]
  primer: Frame[]
  /** Frames per bar at an eighth note per frame. */
  stepsPerBar: number
}

const PPQ = 480
const STEPS_PER_QUARTER = 2

/** The sets measured: those at an eighth note per frame (JSB is at a quarter note per frame and left out). */
export const PRIMER_SETS = ['nottingham', 'pianomidi', 'musedata'] as const

/**
 * `perSet` excerpts of each set's validation split: pieces long enough for primerBars + writtenBars
 * bars of 4/4 (8 frames, as the datasets keep no meter) whose primer bars are not silent, evenly spread
 * over the split, each cut at a bar boundary in the middle of its piece. Throws with a hint when the data is missing.
 */
export function datasetPrimers(dataDir: string, perSet: number, primerBars: number, writtenBars: number): MusicPrimer[] {
  const stepsPerBar = 8
  const need = (primerBars + writtenBars) * stepsPerBar
  return PRIMER_SETS.flatMap((set) => {
    const path = join(dataDir, set, 'valid.json')
    if (!existsSync(path))
      throw new Error(
        `bench:music needs the validation splits: no ${path} (give the folder with --data DIR; the README's "Data" section says where they come from)`,
      )
    const data = loadPianoRollJson(path, set)
    if (data.stepsPerQuarter !== STEPS_PER_QUARTER) throw new Error(`${path}: expected ${STEPS_PER_QUARTER} frames per quarter note`)
    const startOf = (frames: Frame[]): number => stepsPerBar * Math.floor((frames.length - need) / 2 / stepsPerBar)
    // Long enough, and not silent where the primer would be.
    const long = data.sequences
      .map((frames, index) => ({ frames, index }))
      .filter(
        ({ frames }) =>
          frames.length >= need &&
          frames.slice(startOf(frames), startOf(frames) + primerBars * stepsPerBar).some((frame) => frame.length > 0),
      )
    const chosen = Array.from(
      { length: Math.min(perSet, long.length) },
      (_, i) => long[Math.floor((i * long.length) / Math.min(perSet, long.length))]!,
    )
    return chosen.map(({ frames, index }) => {
      const start = startOf(frames)
      const primer = frames.slice(start, start + primerBars * stepsPerBar)
      const grid = { startTick: 0, ppq: PPQ, stepsPerQuarter: STEPS_PER_QUARTER }
      return {
        set,
        label: `${set} #${index} from bar ${start / stepsPerBar + 1}`,
        ppq: PPQ,
        timeSignatures: [{ ticks: 0, numerator: 4, denominator: 4 }],
        notes: framesToNotes(primer, grid),
        primerBars,
        real: frames.slice(start + primer.length, start + need),
        primer,
        stepsPerBar,
      }
    })
  })
}

/** The real pieces: their first primerBars bars prime, the next writtenBars are the real continuation. */
export function piecePrimers(primerBars: number, writtenBars: number): MusicPrimer[] {
  return PIECES.map((make) => {
    const song: Song = make()
    const notes = modelNotes(song)
    const primerTicks = barRangeTicks(song, { start: 0, end: primerBars })
    const signature = song.timeSignatures[0]!
    const stepsPerBar = (signature.numerator * 4 * STEPS_PER_QUARTER) / signature.denominator
    const frames = (start: number, bars: number): Frame[] =>
      notesToFrames(notes, { startTick: barStartTick(song, start), ppq: song.ppq, stepsPerQuarter: STEPS_PER_QUARTER }, bars * stepsPerBar)
    return {
      set: 'pieces',
      label: song.name,
      ppq: song.ppq,
      timeSignatures: song.timeSignatures,
      notes: notes
        .filter((note) => note.ticks < primerTicks.end)
        .map((note) => ({ ...note, durationTicks: Math.min(note.durationTicks, primerTicks.end - note.ticks) })),
      primerBars,
      real: frames(primerBars, writtenBars),
      primer: frames(0, primerBars),
      stepsPerBar,
    }
  })
}
