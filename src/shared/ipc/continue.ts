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
export const requestIdSchema = z.string().min(1).max(64).regex(/^[\w-]+$/)

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
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    /** At most this many keys sound at once in what is written (the most probable are kept). */
    maxPolyphony: z.number().int().min(1).max(KEYS).optional(),
    /** Written notes stay within these MIDI pitches (inclusive). */
    pitchRange: z.strictObject({ low: z.number().int().min(LOWEST_MIDI).max(HIGHEST_MIDI), high: z.number().int().min(LOWEST_MIDI).max(HIGHEST_MIDI) }).optional(),
    /** The output layer to draw with (default: the model's first; see ModelSummary.heads). */
    head: z.enum(OUTPUT_HEADS).optional(),
  })
  .refine((r) => r.selection.end > r.selection.start, { message: 'the selection must hold at least one bar', path: ['selection'] })
  .refine((r) => r.selection.end - r.selection.start <= CONTINUE_LIMITS.maxSelectedBars, {
    message: `select at most ${CONTINUE_LIMITS.maxSelectedBars} bars`,
    path: ['selection'],
  })
  .refine((r) => !r.pitchRange || r.pitchRange.low <= r.pitchRange.high, { message: 'low must not be above high', path: ['pitchRange'] })

/** A validated continuation request. */
export type ContinueRequest = z.infer<typeof continueRequestSchema>
/** A continuation request as the renderer builds it (defaults not yet applied). */
export type ContinueRequestInput = z.input<typeof continueRequestSchema>

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
  /** The key estimated for the primer and the shift into the model's C major / C minor (0 when no key was clear). */
  key: { name: string; tonic: number; mode: 'major' | 'minor'; transpose: number }
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
