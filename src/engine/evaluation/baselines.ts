import type { Frame } from '../../shared/music/index.ts'
import { Rng } from '../../model/rng.ts'
import { frameNotes, keyRange } from './metrics.ts'

/** "Repeat the last bars": the primer's last `steps` frames again (from its start when it is shorter, looped). */
export function repeatLastBars(primer: readonly Frame[], steps: number): Frame[] {
  const tail = primer.slice(-steps)
  if (tail.length === 0) return Array.from({ length: steps }, () => [])
  return Array.from({ length: steps }, (_, step) => [...tail[step % tail.length]!])
}

/**
 * Random notes with the primer's amount: as many notes per frame as the primer starts, each on a key
 * drawn uniformly from the primer's range, at a uniform frame, lasting as long as a primer note drawn
 * at random.
 */
export function randomNotes(primer: readonly Frame[], steps: number, seed: number): Frame[] {
  const rng = new Rng(seed)
  const notes = frameNotes(primer)
  const range = keyRange(primer)
  const frames: Array<Set<number>> = Array.from({ length: steps }, () => new Set<number>())
  if (!range || notes.length === 0) return frames.map(() => [])
  const count = Math.round((notes.length / primer.length) * steps)
  for (let i = 0; i < count; i++) {
    const key = range.low + rng.int(range.high - range.low + 1)
    const start = rng.int(steps)
    const length = notes[rng.int(notes.length)]!.length
    for (let step = start; step < Math.min(steps, start + length); step++) frames[step]!.add(key)
  }
  return frames.map((keys) => [...keys].sort((a, b) => a - b))
}
