// The ways of continuing that bench:music compares: each a name, what it changes in the request (and,
// for ablations, in decoding settings no request field reaches), and which table shows it.
import { CONTINUE_DEFAULTS, type ContinueRequest } from '../src/shared/ipc/index.ts'
import { plainDecoding, type DecodingOptions } from '../src/engine/decoding/options.ts'

/** One column of bench:music. */
export interface MusicSetting {
  name: string
  /** 'main': per set beside the baselines; 'parts': what each part adds; 'temperature': the sweep. */
  table: 'main' | 'parts' | 'temperature'
  request: Partial<ContinueRequest>
  decoding?: Partial<DecodingOptions>
}

const T = CONTINUE_DEFAULTS.temperature
/** Before this work: plain sampling at temperature 1, the key by a profile. */
const before = (head: 'nade' | 'independent'): Partial<ContinueRequest> => ({ head, temperature: 1, keyChoice: 'profile' })

/** The settings measured, in order. */
export const MUSIC_SETTINGS: MusicSetting[] = [
  { name: 'chord-aware, before', table: 'main', request: before('nade'), decoding: plainDecoding(1) },
  { name: 'independent, before', table: 'main', request: before('independent'), decoding: plainDecoding(1) },
  { name: 'chord-aware, defaults', table: 'main', request: { head: 'nade', temperature: T } },
  { name: 'independent, defaults', table: 'main', request: { head: 'independent', temperature: T } },
  { name: 'no phrase memory', table: 'parts', request: { head: 'nade', temperature: T, memory: 0 } },
  { name: 'no clash control', table: 'parts', request: { head: 'nade', temperature: T, avoidClashes: false } },
  { name: 'one frame per step', table: 'parts', request: { head: 'nade', temperature: T }, decoding: { candidates: 1 } },
  { name: 'no density control', table: 'parts', request: { head: 'nade', temperature: T, density: 0 } },
  { name: 'key: as written', table: 'parts', request: { head: 'nade', temperature: T, keyChoice: 'none' } },
  { name: 'key: profile', table: 'parts', request: { head: 'nade', temperature: T, keyChoice: 'profile' } },
  { name: 'key: model, 12 shifts', table: 'parts', request: { head: 'nade', temperature: T, keyChoice: 'model' } },
  { name: 'temperature 0.25', table: 'temperature', request: { head: 'nade', temperature: 0.25 } },
  { name: 'temperature 1', table: 'temperature', request: { head: 'nade', temperature: 1 } },
  { name: 'temperature 1.5', table: 'temperature', request: { head: 'nade', temperature: 1.5 } },
]
