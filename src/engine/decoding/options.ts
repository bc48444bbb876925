import { CONTINUE_DEFAULTS } from '../../shared/ipc/continue.ts'
import type { PenaltyWeights } from './penalties.ts'

/** How a continuation is decoded from the model's probabilities, beyond plain sampling. */
export interface DecodingOptions {
  /** Divides the model's logits: below 1 safer, above 1 wilder. */
  temperature: number
  /** Logits pushing toward the keys of the frames `memoryBars` bars back (0: no phrase memory); every push is added before the temperature divides. */
  memoryStrength: number
  /** How many bars back phrase memory looks. */
  memoryBars: readonly number[]
  /** How much of its earlier evidence each lag's weight keeps per step (0: the model's opinion of this step alone). */
  memoryDecay: number
  /** Gain of the pitch-class balance toward the primer's pitch classes (0: off). */
  pitchBalance: number
  /** Frames after which a primer frame's pitch classes weigh half as much. */
  pitchHalfLife: number
  /** Notes and keys per frame as a multiple of the primer's (0: the model's own amount, no control). */
  density: number
  /** Logits per note of shortfall of the density control (added before the temperature divides). */
  densityGain: number
  /** Frames drawn per lane and step; one is kept, drawn by its penalty (1: plain sampling). */
  candidates: number
  /** What a candidate frame is penalised for; `density` weighs its distance from the primer's amount. */
  penalties: PenaltyWeights & { density: number }
  /** Logits taken from a key drawn a semitone above a key already sounding in the frame (0: none), before the temperature divides. */
  clashPenalty: number
  /** Written keys stay within the primer's lowest and highest key widened by this many semitones (undefined: anywhere). */
  rangeMargin: number | undefined
  /** No key is held longer than the primer's longest note (or one bar, if longer). */
  limitHolds: boolean
  /** At most this many keys per frame, the most probable kept. */
  maxPolyphony: number | undefined
}

/** Phrase memory's push (logits, before the temperature divides) at memory 1, "stay close"; a request's memory scales it. */
export const FULL_MEMORY = 3
/** Pitch-class balance gain at memory 1. */
export const FULL_BALANCE = 1

/**
 * The defaults, the settings that measure best with bench:music (see the README's table): a
 * cooler temperature with density control, phrase memory 1, 2, 4 and 8 bars back, pitch-class balance,
 * eight candidate frames per step kept by top-voice, clash and density penalties.
 */
export const DEFAULT_DECODING: DecodingOptions = {
  temperature: CONTINUE_DEFAULTS.temperature,
  memoryStrength: FULL_MEMORY * CONTINUE_DEFAULTS.memory,
  memoryBars: [1, 2, 4, 8],
  memoryDecay: 0.9,
  pitchBalance: FULL_BALANCE * CONTINUE_DEFAULTS.memory,
  pitchHalfLife: 16,
  density: 1,
  densityGain: 0.25,
  candidates: 8,
  penalties: { leap: 3, skip: 1, clash: 2, density: 1 },
  clashPenalty: 1.5,
  rangeMargin: CONTINUE_DEFAULTS.rangeMargin,
  limitHolds: true,
  maxPolyphony: undefined,
}

/** Plain sampling: the model's probabilities at `temperature`, nothing else (how continuations were drawn before). */
export function plainDecoding(temperature: number): DecodingOptions {
  return {
    ...DEFAULT_DECODING,
    temperature,
    memoryStrength: 0,
    pitchBalance: 0,
    density: 0,
    candidates: 1,
    penalties: { leap: 0, skip: 0, clash: 0, density: 0 },
    clashPenalty: 0,
    rangeMargin: undefined,
    limitHolds: false,
  }
}
