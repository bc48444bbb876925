// The ways of continuing that bench:music compares: each a name, what it changes in the request (and,
// for ablations, in decoding settings no request field reaches), and why.
import type { ContinueRequest } from '../src/shared/ipc/index.ts'
import { plainDecoding, type DecodingOptions } from '../src/engine/decoding/options.ts'

/** One column of bench:music. */
export interface MusicSetting {
  name: string
  description: string
  request: Partial<ContinueRequest>
  decoding?: Partial<DecodingOptions>
}

const nade = (name: string, request: Partial<ContinueRequest> = {}, decoding?: Partial<DecodingOptions>): MusicSetting => ({ name: `nade ${name}`, description: name, request: { head: 'nade', ...request }, decoding })
const d = { temperature: 0.5, keyChoice: 'none', memory: 0.7 } as const
const dec = { memoryDecay: 0.9, memoryBars: [1, 2, 4, 8] }

/** The settings measured, in order. */
export const MUSIC_SETTINGS: MusicSetting[] = [
  nade('T.35', { ...d, temperature: 0.35 }, dec),
  nade('T.5 best2', { ...d, bestOf: 2 }, dec),
  nade('T.5 m.85', { ...d, memory: 0.85 }, dec),
]
