import type { Frame } from '../../shared/music/index.ts'

/**
 * What a musician hears in a continuation, measured on frames (one per model step; a note is a run of
 * consecutive frames holding a key, as the model writes it). Each function counts; summarizeMusic pools
 * the counts of many continuations, so that a set's figure weighs every note alike.
 */

/** One note of a frame list: a run of consecutive frames holding `key`. */
export interface FrameNote {
  key: number
  /** Its first frame. */
  start: number
  /** Frames it holds. */
  length: number
}

/** The notes of a frame list, in the order they end. */
export function frameNotes(frames: readonly Frame[]): FrameNote[] {
  const notes: FrameNote[] = []
  const started = new Map<number, number>()
  for (let step = 0; step <= frames.length; step++) {
    const now = new Set(frames[step] ?? [])
    for (const [key, start] of started) {
      if (now.has(key)) continue
      notes.push({ key, start, length: step - start })
      started.delete(key)
    }
    for (const key of now) if (!started.has(key)) started.set(key, step)
  }
  return notes
}

/** Mean keys sounding per frame in each bar of `stepsPerBar` frames (a last partial bar counts). */
export function polyphonyByBar(frames: readonly Frame[], stepsPerBar: number): number[] {
  const bars: number[] = []
  for (let start = 0; start < frames.length; start += stepsPerBar) {
    const bar = frames.slice(start, start + stepsPerBar)
    bars.push(bar.reduce((sum, frame) => sum + frame.length, 0) / bar.length)
  }
  return bars
}

/** How long each pitch class sounds, in frames (index 0 = C, key 3 is a C). */
export function pitchClassFrames(frames: readonly Frame[]): number[] {
  const counts = new Array<number>(12).fill(0)
  for (const frame of frames) for (const key of frame) counts[(key + 9) % 12]!++
  return counts
}

/** Cosine similarity of two pitch-class histograms (0 when either is silent). */
export function pitchClassCosine(a: readonly Frame[], b: readonly Frame[]): number {
  const x = pitchClassFrames(a)
  const y = pitchClassFrames(b)
  let dot = 0
  let xx = 0
  let yy = 0
  for (let i = 0; i < 12; i++) {
    dot += x[i]! * y[i]!
    xx += x[i]! * x[i]!
    yy += y[i]! * y[i]!
  }
  return xx === 0 || yy === 0 ? 0 : dot / Math.sqrt(xx * yy)
}

/** F1 of the sounding (frame, key) pairs of `written` against `real` (1 when both are silent). */
export function frameF1(written: readonly Frame[], real: readonly Frame[]): number {
  let hits = 0
  let writtenOn = 0
  let realOn = 0
  for (let step = 0; step < Math.max(written.length, real.length); step++) {
    const truth = new Set(real[step] ?? [])
    realOn += truth.size
    for (const key of written[step] ?? []) {
      writtenOn++
      if (truth.has(key)) hits++
    }
  }
  return writtenOn + realOn === 0 ? 1 : (2 * hits) / (writtenOn + realOn)
}

/** The `count` pitch classes that sound longest in `frames` (ties: the lower pitch class; silent ones never). */
export function mainPitchClasses(frames: readonly Frame[], count = 7): Set<number> {
  const durations = pitchClassFrames(frames)
  const order = durations
    .map((frames, pc) => ({ frames, pc }))
    .filter((entry) => entry.frames > 0)
    .sort((a, b) => b.frames - a.frames || a.pc - b.pc)
  return new Set(order.slice(0, count).map((entry) => entry.pc))
}

/** True when two keys of the frame are a semitone apart (frames are sorted). */
export function hasSemitoneClash(frame: Frame): boolean {
  for (let i = 1; i < frame.length; i++) if (frame[i]! - frame[i - 1]! === 1) return true
  return false
}

/** Moves of the top voice (the highest key of each sounding frame, rests skipped) by size. */
export interface TopVoiceMoves {
  /** Times the top key changed. */
  moves: number
  /** Changes of 1 or 2 semitones. */
  steps: number
  /** Changes of more than 7 semitones (wider than a fifth). */
  leaps: number
}

/** How the top voice moves: `previousTop` is the top key before the first frame (from the primer), if any. */
export function topVoiceMoves(frames: readonly Frame[], previousTop?: number): TopVoiceMoves {
  const result: TopVoiceMoves = { moves: 0, steps: 0, leaps: 0 }
  let top = previousTop
  for (const frame of frames) {
    const now = frame.at(-1)
    if (now === undefined) continue
    if (top !== undefined && now !== top) {
      const size = Math.abs(now - top)
      result.moves++
      if (size <= 2) result.steps++
      if (size > 7) result.leaps++
    }
    top = now
  }
  return result
}

/** The lowest and highest key of a frame list (undefined when silent). */
export function keyRange(frames: readonly Frame[]): { low: number; high: number } | undefined {
  const keys = frames.flat()
  if (keys.length === 0) return undefined
  return { low: Math.min(...keys), high: Math.max(...keys) }
}
