import { CONTINUE_DEFAULTS, type ContinueRequest } from '../../shared/ipc/index.ts'
import { DEFAULT_DECODING, FULL_BALANCE, FULL_MEMORY, type DecodingOptions } from './options.ts'

/** The decoding a request asks for: its fields, CONTINUE_DEFAULTS where it has none. */
export function decodingOf(request: ContinueRequest): DecodingOptions {
  const memory = request.memory ?? CONTINUE_DEFAULTS.memory
  const avoidClashes = request.avoidClashes ?? CONTINUE_DEFAULTS.avoidClashes
  return {
    ...DEFAULT_DECODING,
    temperature: request.temperature,
    memoryStrength: FULL_MEMORY * memory,
    pitchBalance: FULL_BALANCE * memory,
    density: request.density ?? CONTINUE_DEFAULTS.density,
    clashPenalty: avoidClashes ? DEFAULT_DECODING.clashPenalty : 0,
    penalties: { ...DEFAULT_DECODING.penalties, clash: avoidClashes ? DEFAULT_DECODING.penalties.clash : 0 },
    rangeMargin: request.rangeMargin ?? CONTINUE_DEFAULTS.rangeMargin,
    maxPolyphony: request.maxPolyphony,
  }
}
