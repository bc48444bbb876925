import type { ContinueRequest } from '../shared/ipc/index.ts'
import type { Note } from '../shared/music/index.ts'

/** A C major primer for tests: a I-IV-V-I progression, one chord per 4/4 bar at PPQ 480, bars 0..3. */
export function cMajorPrimer(): Note[] {
  const chords = [
    [60, 64, 67],
    [60, 65, 69],
    [59, 62, 67],
    [60, 64, 67],
  ]
  return chords.flatMap((chord, bar) => [
    ...chord.map((pitch) => ({ pitch, ticks: bar * 1920, durationTicks: 1920, velocity: 90 })),
    { pitch: chord[0]! - 12, ticks: bar * 1920, durationTicks: 960, velocity: 70 },
    { pitch: chord[2]! + 12, ticks: bar * 1920 + 960, durationTicks: 960, velocity: 70 },
  ])
}

/** Transposes notes by `semitones`. */
export function transposeNotes(notes: readonly Note[], semitones: number): Note[] {
  return notes.map((note) => ({ ...note, pitch: note.pitch + semitones }))
}

/** A valid continuation request over cMajorPrimer's bars, with `overrides`. */
export function continueRequest(overrides: Partial<ContinueRequest> = {}): ContinueRequest {
  return {
    requestId: 'test',
    ppq: 480,
    tempos: [{ ticks: 0, microsecondsPerQuarter: 500_000 }],
    timeSignatures: [{ ticks: 0, numerator: 4, denominator: 4 }],
    notes: cMajorPrimer(),
    selection: { start: 0, end: 4 },
    contextBars: 0,
    barsToWrite: 2,
    temperature: 1,
    variations: 2,
    seed: 7,
    ...overrides,
  }
}
