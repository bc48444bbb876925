import { KEYS, type Frame } from '../../shared/music/index.ts'
import { frameNotes } from '../evaluation/metrics.ts'

/** What a primer says about how much to write, where, and with which pitch classes. */
export interface PrimerProfile {
  /** Notes starting per frame. */
  onsetsPerFrame: number
  /** Keys sounding per frame. */
  keysPerFrame: number
  /** Frames of the primer's longest note. */
  longestNote: number
  /** The lowest and highest key it plays (the whole keyboard when it is silent). */
  low: number
  high: number
  /** Share of each pitch class (0 = C) of the keys sounding, recent frames weighing more. */
  pitchClasses: number[]
}

/** The pitch class of a key (key 3 is a C). */
export function pitchClassOf(key: number): number {
  return (key + 9) % 12
}

/**
 * Shares of the 12 pitch classes among the keys sounding, each frame weighing half as much as the one
 * `halfLife` frames later (the last frame weighs 1); uniform when the frames are silent.
 */
export function recentPitchClasses(frames: readonly Frame[], halfLife: number): number[] {
  const weights = new Array<number>(12).fill(0)
  frames.forEach((frame, t) => {
    const weight = Math.pow(0.5, (frames.length - 1 - t) / halfLife)
    for (const key of frame) weights[pitchClassOf(key)]! += weight
  })
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => (total > 0 ? w / total : 1 / 12))
}

/** The profile of a primer (frames in the model's key space); `halfLife` weighs its pitch classes. */
export function primerProfile(primer: readonly Frame[], halfLife: number): PrimerProfile {
  const notes = frameNotes(primer)
  const frames = Math.max(1, primer.length)
  let low = KEYS
  let high = -1
  let sounding = 0
  for (const frame of primer) {
    sounding += frame.length
    for (const key of frame) {
      low = Math.min(low, key)
      high = Math.max(high, key)
    }
  }
  return {
    onsetsPerFrame: notes.length / frames,
    keysPerFrame: sounding / frames,
    longestNote: notes.reduce((longest, note) => Math.max(longest, note.length), 0),
    low: high < 0 ? 0 : low,
    high: high < 0 ? KEYS - 1 : high,
    pitchClasses: recentPitchClasses(primer, halfLife),
  }
}
