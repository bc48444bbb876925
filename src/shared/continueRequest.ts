import { CONTINUE_DEFAULTS, CONTINUE_LIMITS, type ContinueRequestInput, type KeyChoice, type OutputHeadName } from './ipc/continue.ts'
import { barRangeTicks, KEYS, modelNotes, type BarRange, type Song } from './music/index.ts'

/** What the user chose for a continuation, in the Continue panel or on the command line. */
export interface ContinueSettings {
  barsToWrite: number
  temperature: number
  variations: number
  seed: number
  /** Bars before the selection that prime the model too. */
  contextBars: number
  /** At most this many keys at once (undefined: no cap). */
  maxPolyphony: number | undefined
  /** Lowest and highest pitch written (undefined: the whole piano). */
  pitchRange: { low: number; high: number } | undefined
  /** The output layer: chord-aware (NADE) or independent keys as NeuralPiano (undefined: the model's default). */
  head: OutputHeadName | undefined
  /** Stay close (1) to the primer's bars and pitch classes, or wander (0). */
  memory: number
  /** Notes per bar as a multiple of the primer's (0: as many as the model likes). */
  density: number
  /** Semitones beyond the primer's lowest and highest notes that may be written. */
  rangeMargin: number
  /** Keep keys a semitone apart out of one chord. */
  avoidClashes: boolean
  /** How the key the model hears is chosen. */
  keyChoice: KeyChoice
}

/** The settings a first Continue uses. */
export const defaultContinueSettings: ContinueSettings = {
  barsToWrite: 4,
  temperature: CONTINUE_DEFAULTS.temperature,
  variations: 4,
  seed: 1,
  contextBars: 0,
  maxPolyphony: undefined,
  pitchRange: undefined,
  head: undefined,
  memory: CONTINUE_DEFAULTS.memory,
  density: CONTINUE_DEFAULTS.density,
  rangeMargin: CONTINUE_DEFAULTS.rangeMargin,
  avoidClashes: CONTINUE_DEFAULTS.avoidClashes,
  keyChoice: CONTINUE_DEFAULTS.keyChoice,
}

/** `value` brought within [low, high] (NaN becomes low). */
function within(value: number, low: number, high: number): number {
  return Number.isNaN(value) ? low : Math.min(high, Math.max(low, value))
}

/** A request, or the reason there cannot be one, in words a musician understands. */
export type RequestOrProblem = { ok: true; request: ContinueRequestInput } | { ok: false; problem: string }

/**
 * The one continuation request builder, for the editor and the command line: the notes the model may
 * hear (no drums, the 88 keys) that sound in the context bars or the selected `range`, the song's tempo
 * and meter maps, and the settings brought within the request's bounds; or, when there is nothing to
 * continue, why not.
 */
export function buildContinueRequest(
  song: Song,
  range: BarRange | undefined,
  settings: ContinueSettings,
  requestId: string,
): RequestOrProblem {
  if (!range) return { ok: false, problem: 'Select some bars first: drag across the bar numbers on the ruler.' }
  const bars = range.end - range.start
  if (bars > CONTINUE_LIMITS.maxSelectedBars)
    return { ok: false, problem: `Select at most ${CONTINUE_LIMITS.maxSelectedBars} bars (you selected ${bars}).` }
  const contextStart = Math.max(0, range.start - Math.max(0, Math.round(settings.contextBars)))
  const { start, end } = barRangeTicks(song, { start: contextStart, end: range.end })
  const selected = barRangeTicks(song, range)
  const all = modelNotes(song)
  const inSelection = all.filter((n) => n.ticks < selected.end && n.ticks + n.durationTicks > selected.start)
  if (inSelection.length === 0) return { ok: false, problem: 'The selected bars have no piano notes to continue from.' }
  const notes = all.filter((n) => n.ticks < end && n.ticks + n.durationTicks > start)
  if (notes.length > CONTINUE_LIMITS.maxNotes)
    return { ok: false, problem: `The selection has too many notes (${notes.length}); select fewer bars.` }
  const request: ContinueRequestInput = {
    requestId,
    ppq: song.ppq,
    tempos: song.tempos.slice(0, CONTINUE_LIMITS.maxMapEntries),
    timeSignatures: song.timeSignatures.slice(0, CONTINUE_LIMITS.maxMapEntries),
    notes: notes.map((n) => ({ pitch: n.pitch, ticks: n.ticks, durationTicks: n.durationTicks, velocity: n.velocity })),
    selection: { start: range.start, end: range.end },
    contextBars: range.start - contextStart,
    barsToWrite: Math.round(Math.min(CONTINUE_LIMITS.maxBarsToWrite, Math.max(1, settings.barsToWrite))),
    temperature: Math.min(CONTINUE_LIMITS.maxTemperature, Math.max(CONTINUE_LIMITS.minTemperature, settings.temperature)),
    variations: Math.round(Math.min(CONTINUE_LIMITS.maxVariations, Math.max(1, settings.variations))),
    seed: Math.floor(Math.abs(settings.seed)) % 2 ** 32,
    memory: within(settings.memory, 0, 1),
    density: within(settings.density, 0, CONTINUE_LIMITS.maxDensity),
    rangeMargin: Math.round(within(settings.rangeMargin, 0, CONTINUE_LIMITS.maxRangeMargin)),
    avoidClashes: settings.avoidClashes,
    keyChoice: settings.keyChoice,
  }
  if (settings.head) request.head = settings.head
  if (settings.maxPolyphony !== undefined) request.maxPolyphony = Math.round(Math.min(KEYS, Math.max(1, settings.maxPolyphony)))
  if (settings.pitchRange)
    request.pitchRange = {
      low: Math.min(settings.pitchRange.low, settings.pitchRange.high),
      high: Math.max(settings.pitchRange.low, settings.pitchRange.high),
    }
  return { ok: true, request }
}
