import { z } from 'zod'
import type { Note } from '../music/types.ts'
import { HIGHEST_MIDI, KEYS, LOWEST_MIDI } from '../music/constants.ts'

/** Bounds on a continuation request; the schema enforces them in main. */
export const CONTINUE_LIMITS = {
  maxNotes: 20_000,
  maxMapEntries: 2_000,
  maxBarsToWrite: 32,
  maxVariations: 8,
  maxSelectedBars: 64,
  maxContextBars: 16,
  minTemperature: 0.05,
  maxTemperature: 3,
  maxTick: 2 ** 31 - 1,
  maxDensity: 4,
  maxRangeMargin: KEYS - 1,
  maxBestOf: 4,
  maxLanes: 16,
} as const

/**
 * How the key the model hears is chosen: 'auto', a key profile proposes a shift and the model keeps it
 * only if it finds the primer more likely moved than as written; 'model', the most likely of all 12
 * shifts; 'profile', the key profile alone; 'none', as written.
 */
export const KEY_CHOICES = ['auto', 'model', 'profile', 'none'] as const
/** One of KEY_CHOICES. */
export type KeyChoice = (typeof KEY_CHOICES)[number]

/**
 * What a request without these fields gets: the settings that measure best with `npm run bench:music`
 * (see the README's table). The Continue panel and the CLI start from them too.
 */
export const CONTINUE_DEFAULTS = {
  temperature: 0.5,
  memory: 0.85,
  density: 1,
  rangeMargin: 12,
  avoidClashes: true,
  keyChoice: 'auto' as KeyChoice,
  bestOf: 1,
} as const

const tick = z.number().int().min(0).max(CONTINUE_LIMITS.maxTick)

/** A note as it crosses IPC (see Note in src/shared/music/types.ts). */
export const noteSchema = z.strictObject({
  pitch: z.number().int().min(0).max(127),
  ticks: tick,
  durationTicks: z.number().int().min(1).max(CONTINUE_LIMITS.maxTick),
  velocity: z.number().int().min(1).max(127),
})

const tempoSchema = z.strictObject({ ticks: tick, microsecondsPerQuarter: z.number().int().min(1).max(16_777_215) })
const timeSignatureSchema = z.strictObject({
  ticks: tick,
  numerator: z.number().int().min(1).max(255),
  denominator: z.union([1, 2, 4, 8, 16, 32, 64].map((d) => z.literal(d)) as [z.ZodLiteral<number>, ...z.ZodLiteral<number>[]]),
})

/** The output layers a model can draw with: independent keys (as NeuralPiano) or chord-aware (NADE). */
export const OUTPUT_HEADS = ['independent', 'nade'] as const
/** One of OUTPUT_HEADS. */
export type OutputHeadName = (typeof OUTPUT_HEADS)[number]

/** Identifies one generation, for its progress events and for cancelling it. */
export const requestIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/)

/** `model:continue`: continue the selected bars of a song. */
export const continueRequestSchema = z
  .strictObject({
    requestId: requestIdSchema,
    /** Ticks per quarter note of the song. */
    ppq: z.number().int().min(1).max(32_767),
    tempos: z.array(tempoSchema).max(CONTINUE_LIMITS.maxMapEntries),
    timeSignatures: z.array(timeSignatureSchema).min(1).max(CONTINUE_LIMITS.maxMapEntries),
    /** The notes of the selected bars and of the context bars before them (others are ignored). */
    notes: z.array(noteSchema).max(CONTINUE_LIMITS.maxNotes),
    /** The selected bars, start inclusive, end exclusive, counted from 0. */
    selection: z.strictObject({ start: z.number().int().min(0).max(100_000), end: z.number().int().min(1).max(100_000) }),
    /** How many bars before the selection prime the model too (0 = the selection alone). */
    contextBars: z.number().int().min(0).max(CONTINUE_LIMITS.maxContextBars).default(0),
    /** Bars to write after the selection. */
    barsToWrite: z.number().int().min(1).max(CONTINUE_LIMITS.maxBarsToWrite),
    /** Sampling temperature applied to the logits: below 1 safer, above 1 wilder. */
    temperature: z.number().min(CONTINUE_LIMITS.minTemperature).max(CONTINUE_LIMITS.maxTemperature),
    /** How many candidates to write, sampled together in one batch. */
    variations: z.number().int().min(1).max(CONTINUE_LIMITS.maxVariations),
    /** Seed of the sampler: the same request and seed give the same notes. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    /** At most this many keys sound at once in what is written (the most probable are kept). */
    maxPolyphony: z.number().int().min(1).max(KEYS).optional(),
    /** Written notes stay within these MIDI pitches (inclusive). */
    pitchRange: z
      .strictObject({ low: z.number().int().min(LOWEST_MIDI).max(HIGHEST_MIDI), high: z.number().int().min(LOWEST_MIDI).max(HIGHEST_MIDI) })
      .optional(),
    /** The output layer to draw with (default: the model's first; see ModelSummary.heads). */
    head: z.enum(OUTPUT_HEADS).optional(),
    /** Stay close (1) or wander (0): how strongly the bars and pitch classes of the primer pull what is written. */
    memory: z.number().min(0).max(1).optional(),
    /** Notes per bar as a multiple of the primer's, kept at any temperature (0: as many as the model likes). */
    density: z.number().min(0).max(CONTINUE_LIMITS.maxDensity).optional(),
    /** Written notes stay within the primer's lowest and highest notes widened by this many semitones. */
    rangeMargin: z.number().int().min(0).max(CONTINUE_LIMITS.maxRangeMargin).optional(),
    /** Keep keys a semitone apart out of one chord (unless the model insists). */
    avoidClashes: z.boolean().optional(),
    /** How the key the model hears is chosen (see KEY_CHOICES). */
    keyChoice: z.enum(KEY_CHOICES).optional(),
    /** Continuations drawn per variation, the one the model finds most likely kept. */
    bestOf: z.number().int().min(1).max(CONTINUE_LIMITS.maxBestOf).optional(),
  })
  .refine((r) => r.selection.end > r.selection.start, { message: 'the selection must hold at least one bar', path: ['selection'] })
  .refine((r) => r.selection.end - r.selection.start <= CONTINUE_LIMITS.maxSelectedBars, {
    message: `select at most ${CONTINUE_LIMITS.maxSelectedBars} bars`,
    path: ['selection'],
  })
  .refine((r) => !r.pitchRange || r.pitchRange.low <= r.pitchRange.high, { message: 'low must not be above high', path: ['pitchRange'] })
  .refine((r) => r.variations * (r.bestOf ?? 1) <= CONTINUE_LIMITS.maxLanes, {
    message: `variations times best-of must be at most ${CONTINUE_LIMITS.maxLanes}`,
    path: ['bestOf'],
  })

/** A validated continuation request. */
export type ContinueRequest = z.infer<typeof continueRequestSchema>
/** A continuation request as the renderer builds it (defaults not yet applied). */
export type ContinueRequestInput = z.input<typeof continueRequestSchema>

/** The key a continuation was written in. */
export interface KeyUsed {
  /** e.g. "D major"; "as written" when the primer was not moved. */
  name: string
  /** Pitch class of the tonic, 0 = C. */
  tonic: number
  mode: 'major' | 'minor'
  /** Semitones the primer was moved to reach the model's C major / C minor; subtracted from what is written. */
  transpose: number
  /** Who chose it (see KEY_CHOICES): 'auto' when the model kept or refused a key profile's proposal. */
  chosenBy: KeyChoice
}

/** One candidate continuation. */
export interface Candidate {
  /** The written notes, placed from the first tick after the selection, in the song's ticks. */
  notes: Note[]
}

/** What `model:continue` answers. */
export interface ContinueResponse {
  requestId: string
  /** One per variation, in order. */
  candidates: Candidate[]
  /** Tick where the written bars start (the end of the selection). */
  startTick: number
  /** Tick where they end. */
  endTick: number
  /** The key the model heard the primer in, and the shift that moved it to C major / C minor. */
  key: KeyUsed
  /** Milliseconds the generation took in the worker. */
  elapsedMs: number
}

/** `model:progress`: frames written so far of one generation. */
export interface ContinueProgress {
  requestId: string
  done: number
  total: number
}

/** `model:cancel`: stop a running generation. */
export const cancelRequestSchema = z.strictObject({ requestId: requestIdSchema })

/** Request schemas of the continuation channels. */
export const continueSchemas = {
  'model:continue': continueRequestSchema,
  'model:cancel': cancelRequestSchema,
} as const

/** Success payloads of the continuation channels. */
export interface ContinueResponses {
  'model:continue': ContinueResponse
  /** `cancelled` is false when no such generation was running (it had finished already). */
  'model:cancel': { cancelled: boolean }
}

/** Events of the continuation group. */
export interface ContinueEvents {
  'model:progress': ContinueProgress
}
