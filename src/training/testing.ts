import * as tf from '../model/tf.ts'
import type { Sequence } from './data.ts'
import { Rng } from '../model/rng.ts'

/** Tests run on the plain JS backend: deterministic, and no wasm start-up per file. */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu')
  await tf.ready()
}

/** A learnable toy corpus: pieces cycling through four chords, each held for two frames, random start. */
export function toyCorpus(pieces: number, length: number, seed = 7): Sequence[] {
  const chords = [[0, 4, 7], [5, 9, 12], [7, 11, 14], [0, 3, 7]]
  const rng = new Rng(seed)
  return Array.from({ length: pieces }, () => {
    const offset = rng.int(8)
    return Array.from({ length }, (_, t) => (chords[Math.floor((t + offset) / 2) % 4] as number[]).map((k) => k + 30))
  })
}
