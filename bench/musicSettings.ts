// The ways of continuing that bench:music compares: each a name, what it changes in the request, and why.
import type { ContinueRequest } from '../src/shared/ipc.ts'

/** One column of bench:music. */
export interface MusicSetting {
  name: string
  description: string
  request: Partial<ContinueRequest>
}

/** The settings measured, in order. */
export const MUSIC_SETTINGS: MusicSetting[] = [
  { name: 'nade raw', description: 'chord-aware head, plain sampling at temperature 1', request: { head: 'nade' } },
  { name: 'independent raw', description: 'independent head (as NeuralPiano), plain sampling at temperature 1', request: { head: 'independent' } },
]
