import { KEYS, type Frame } from '../../shared/music/index.ts'
import { pitchClassOf } from './profile.ts'

/** The shifts tried, in semitones: every key reaches C major or C minor by one of them. */
export const KEY_SHIFTS: readonly number[] = [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6]

const C_MAJOR = new Set([0, 2, 4, 5, 7, 9, 11])
const C_MINOR = new Set([0, 2, 3, 5, 7, 8, 10, 11]) // natural and harmonic minor
const PITCH_CLASS_NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B']

/** Share of the sounding keys (summed over frames) whose pitch class is in `scale`. */
function shareIn(frames: readonly Frame[], scale: ReadonlySet<number>): number {
  let inside = 0
  let all = 0
  for (const frame of frames) {
    for (const key of frame) {
      all++
      if (scale.has(pitchClassOf(key))) inside++
    }
  }
  return all === 0 ? 1 : inside / all
}

/**
 * True when the frames are in C already: at least `share` of what sounds lies in C major or in C minor
 * (natural or harmonic). Such a primer stays where it is; the model picks a shift for the others.
 */
export function fitsC(frames: readonly Frame[], share = 0.95): boolean {
  return shareIn(frames, C_MAJOR) >= share || shareIn(frames, C_MINOR) >= share
}

/** True when shifting the frames by `shift` keeps every key on the keyboard. */
export function staysOnKeyboard(frames: readonly Frame[], shift: number): boolean {
  return frames.every((frame) => frame.every((key) => key + shift >= 0 && key + shift < KEYS))
}

/**
 * The shift with the highest score (the model's log-likelihood of the primer moved by it), among those
 * that keep every key on the keyboard when any does; `scores` follow `shifts`.
 */
export function bestShift(shifts: readonly number[], scores: readonly number[], allowed: readonly boolean[]): number {
  let best = -1
  shifts.forEach((_, i) => {
    if (allowed[i] && (best < 0 || scores[i]! > scores[best]!)) best = i
  })
  return best < 0 ? 0 : shifts[best]!
}

/** The key a shift moves to C, named with the mode the shifted frames state (more E than Eb: major). */
export function keyOfShift(shift: number, shifted: readonly Frame[]): { name: string; tonic: number; mode: 'major' | 'minor' } {
  let thirds = 0
  for (const frame of shifted) for (const key of frame) thirds += pitchClassOf(key) === 4 ? 1 : pitchClassOf(key) === 3 ? -1 : 0
  const tonic = ((-shift % 12) + 12) % 12
  const mode = thirds >= 0 ? 'major' : 'minor'
  return { name: `${PITCH_CLASS_NAMES[tonic]} ${mode}`, tonic, mode }
}
