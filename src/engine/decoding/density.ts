import type { Frame } from '../../shared/music/index.ts'
import type { PrimerProfile } from './profile.ts'

/** How far a density offset may push, in logits. */
const LIMIT = 4

/** What a lane has written so far. */
export interface DensityCounts {
  /** Frames written. */
  frames: number
  /** Notes started. */
  onsets: number
  /** Keys sounding, summed over the frames. */
  keyFrames: number
}

/** Notes that `frame` starts after `previous` (keys it holds that were not sounding). */
export function onsetsOf(frame: Frame, previous: ReadonlySet<number>): number {
  return frame.reduce((count, key) => count + (previous.has(key) ? 0 : 1), 0)
}

/**
 * How far a lane is from the primer's amount once `frame` is written, in frames' worth of keys: the
 * missing (+) or extra (-) keys sounding and notes started, against `density` times the primer's.
 */
export function densityError(
  profile: PrimerProfile,
  density: number,
  counts: DensityCounts,
  frame: Frame,
  previous: ReadonlySet<number>,
): { keys: number; onsets: number } {
  const frames = counts.frames + 1
  const scale = Math.max(1, profile.keysPerFrame * density)
  return {
    keys: (density * profile.keysPerFrame * frames - counts.keyFrames - frame.length) / scale,
    onsets: (density * profile.onsetsPerFrame * frames - counts.onsets - onsetsOf(frame, previous)) / scale,
  }
}

/**
 * The density control's gain at `temperature`: `gain` up to 1, then growing with its square, since hotter
 * sampling scatters more stray keys for the control to take back (bench:music: at 1.5, 1.11x the
 * primer's notes with a constant gain, 1.09x with 0.5).
 */
export function densityGainAt(gain: number, temperature: number): number {
  return gain * Math.max(1, temperature) ** 2
}

/**
 * Logits added to the next frame's keys so that notes per frame and keys per frame follow the
 * primer's (times `density`) whatever the temperature: `onset` for keys not sounding now (a new note),
 * `hold` for keys sounding now (holding on). Each is `gain` times the shortfall so far; a shortfall of
 * notes held too briefly raises `hold`, of notes started too rarely `onset`.
 */
export function densityOffsets(
  profile: PrimerProfile,
  density: number,
  counts: DensityCounts,
  gain: number,
): { onset: number; hold: number } {
  const frames = counts.frames + 1
  const onsetShort = density * profile.onsetsPerFrame * frames - counts.onsets
  const keysShort = density * profile.keysPerFrame * frames - counts.keyFrames
  const meanLength = profile.onsetsPerFrame > 0 ? profile.keysPerFrame / profile.onsetsPerFrame : 1
  const clip = (x: number): number => Math.max(-LIMIT, Math.min(LIMIT, x))
  return { onset: clip(gain * onsetShort), hold: clip((gain * (keysShort - meanLength * onsetShort)) / meanLength) }
}
