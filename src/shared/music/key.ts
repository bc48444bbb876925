import type { Note } from './types.ts'

/** An estimated key and the shift that moves it to C. */
export interface KeyEstimate {
  /** Pitch class of the tonic, 0 = C .. 11 = B. */
  tonic: number
  /** Major or minor. */
  mode: 'major' | 'minor'
  /** Readable name, e.g. "F# minor". */
  name: string
  /** Semitones to add to every pitch to move the key to C major / C minor: the nearest, -5..+6. */
  transposeToC: number
  /** Pearson correlation of the winning profile, -1..1: how clearly the notes state the key. */
  confidence: number
}

const PITCH_CLASS_NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B']
// Krumhansl-Kessler probe-tone profiles (Krumhansl 1990), index 0 = tonic.
const MAJOR_PROFILE = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
const MINOR_PROFILE = [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]

/** Duration-weighted pitch-class histogram: how long each of the 12 pitch classes sounds in total. */
export function pitchClassDurations(notes: readonly Note[]): number[] {
  const weights = new Array<number>(12).fill(0)
  for (const note of notes) weights[((note.pitch % 12) + 12) % 12]! += note.durationTicks
  return weights
}

function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mean = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0) / v.length
  const mx = mean(xs)
  const my = mean(ys)
  let num = 0
  let dx = 0
  let dy = 0
  for (let i = 0; i < xs.length; i++) {
    const a = xs[i]! - mx
    const b = ys[i]! - my
    num += a * b
    dx += a * a
    dy += b * b
  }
  return dx === 0 || dy === 0 ? 0 : num / Math.sqrt(dx * dy)
}

/** The shift in -5..+6 semitones that moves `tonic` to C (ties at 6 go up, never down 6). */
export function transpositionToC(tonic: number): number {
  const up = (((12 - tonic) % 12) + 12) % 12
  return up > 6 ? up - 12 : up
}

/**
 * Krumhansl-Schmuckler key estimate over duration-weighted pitch classes; pass the notes the model
 * sees (no drums). Returns null when the notes state no key (none, or all pitch classes equal).
 */
export function estimateKey(notes: readonly Note[]): KeyEstimate | null {
  const weights = pitchClassDurations(notes)
  let best: KeyEstimate | null = null
  for (const [mode, profile] of [
    ['major', MAJOR_PROFILE],
    ['minor', MINOR_PROFILE],
  ] as const) {
    for (let tonic = 0; tonic < 12; tonic++) {
      const rotated = weights.map((_, i) => weights[(i + tonic) % 12]!)
      const r = correlation(rotated, profile)
      if (r !== 0 && (!best || r > best.confidence)) {
        best = { tonic, mode, name: `${PITCH_CLASS_NAMES[tonic]} ${mode}`, transposeToC: transpositionToC(tonic), confidence: r }
      }
    }
  }
  return best
}
