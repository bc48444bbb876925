import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { importMidi } from '../shared/midi/index.ts'
import { estimateKey, modelNotes, notesToFrames, stepTicks } from '../shared/music/index.ts'
import type { PianoRollSet, Sequence } from './data.ts'

/** One MIDI file as training data, and how it was read. */
export interface MidiPiece {
  /** Path relative to the folder. */
  file: string
  /** The estimated key, e.g. "A minor", or null when the notes state none (then not transposed). */
  key: string | null
  /** Semitones added to move it to C major / C minor. */
  shift: number
  /** Its frames at the model's resolution. */
  frames: Sequence
}

function midiFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(mid|midi|rmi)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

/**
 * Reads one MIDI file the way the datasets were made: the notes the app feeds the model (no drums), transposed to C major /
 * C minor by the music core's key estimate, sampled at `stepsPerQuarter` by the app's one notes-to-frames
 * mapping, leading and trailing silence trimmed.
 */
export function readMidiPiece(path: string, stepsPerQuarter: number, root = ''): MidiPiece {
  const { song } = importMidi(new Uint8Array(readFileSync(path)))
  const notes = modelNotes(song)
  const key = estimateKey(notes)
  const shift = key?.transposeToC ?? 0
  const moved = notes.map((n) => ({ ...n, pitch: n.pitch + shift }))
  const end = Math.max(0, ...moved.map((n) => n.ticks + n.durationTicks))
  const frameCount = Math.ceil(end / stepTicks(song.ppq, stepsPerQuarter))
  const frames = notesToFrames(moved, { startTick: 0, ppq: song.ppq, stepsPerQuarter }, frameCount)
  const first = frames.findIndex((f) => f.length > 0)
  let last = frames.length - 1
  while (last >= 0 && (frames[last] as number[]).length === 0) last--
  return { file: root ? relative(root, path) : path, key: key?.name ?? null, shift, frames: first < 0 ? [] : frames.slice(first, last + 1) }
}

/**
 * Reads every MIDI file under `dir` into a training and a validation set: every `validEvery`-th file
 * (in sorted path order, so the split is stable as files are added at the end) is held out.
 * Files that cannot be read are skipped and listed in `skipped`.
 */
export function loadMidiFolder(
  dir: string,
  stepsPerQuarter: number,
  validEvery = 10,
): { train: PianoRollSet; valid: PianoRollSet; pieces: MidiPiece[]; skipped: { file: string; reason: string }[] } {
  const pieces: MidiPiece[] = []
  const skipped: { file: string; reason: string }[] = []
  for (const path of midiFiles(dir)) {
    try {
      const piece = readMidiPiece(path, stepsPerQuarter, dir)
      if (piece.frames.length >= 2) pieces.push(piece)
      else skipped.push({ file: relative(dir, path), reason: 'fewer than two frames of piano notes' })
    } catch (error) {
      skipped.push({ file: relative(dir, path), reason: error instanceof Error ? error.message : String(error) })
    }
  }
  const name =
    dir
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? dir
  const held = (i: number): boolean => pieces.length > 1 && i % validEvery === validEvery - 1
  const valid = pieces.filter((_, i) => held(i))
  // A folder too small to hold one file out validates on its training pieces, which the card says.
  const validPieces = valid.length > 0 ? valid : pieces
  return {
    train: { name, stepsPerQuarter, sequences: pieces.filter((_, i) => !held(i)).map((p) => p.frames) },
    valid: { name, stepsPerQuarter, sequences: validPieces.map((p) => p.frames) },
    pieces,
    skipped,
  }
}
