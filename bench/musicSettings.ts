// The ways of continuing that bench:music compares: each a name, what it changes in the request, and why.
import type { ContinueRequest } from '../src/shared/ipc/index.ts'
import type { DecodingOptions } from '../src/engine/decoding/lane.ts'

/** One column of bench:music. */
export interface MusicSetting {
  name: string
  description: string
  request: Partial<ContinueRequest>
  decoding?: Partial<DecodingOptions>
}

const nade = (name: string, decoding: Partial<DecodingOptions>, request: Partial<ContinueRequest> = {}): MusicSetting => ({ name: `nade ${name}`, description: name, request: { head: 'nade', ...request }, decoding })
const base: Partial<DecodingOptions> = { keyPolicy: 'none', clashPenalty: 3, densityGain: 0.5, holdLimit: true, rangeMargin: 12, temperature: 0.5, memory: 3, memoryBars: [2, 4, 8], candidates: 8, leapPenalty: 3, midPenalty: 1, pcGain: 1, densityPenalty: 1 }

/** The settings measured, in order. */
export const MUSIC_SETTINGS: MusicSetting[] = [
  nade('T.5', { ...base }),
  nade('T.7', { ...base, temperature: 0.7 }),
  nade('T.5 pc3', { ...base, pcGain: 3 }),
  nade('T.7 pc3', { ...base, temperature: 0.7, pcGain: 3 }),
  nade('T.5 pc3 h32', { ...base, pcGain: 3, pcHalfLife: 32 }),
]
