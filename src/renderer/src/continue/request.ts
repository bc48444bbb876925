import type { BarRange, Song } from '../../../shared/music/types.ts'
import type { ContinueRequestInput } from '../../../shared/ipc/continue.ts'
import { CONTINUE_LIMITS } from '../../../shared/ipc/continue.ts'
import { barAtTick, barRangeTicks } from '../../../shared/music/bars.ts'
import { modelNotes } from '../../../shared/music/song.ts'
import { noteExtent } from '../commands/edit.ts'
import { notesWithIds, type EditorSong, type NoteId } from '../state/editorSong.ts'

/** The Continue panel's settings. */
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
}

/** Defaults a first Continue uses. */
export const defaultSettings: ContinueSettings = {
  barsToWrite: 4,
  temperature: 1,
  variations: 4,
  seed: 1,
  contextBars: 0,
  maxPolyphony: undefined,
  pitchRange: undefined,
}

/** The bars to continue: the ruler selection, or else the bars the selected notes touch. */
export function barsToContinue(song: EditorSong, bars: BarRange | undefined, selection: ReadonlySet<NoteId>): BarRange | undefined {
  if (bars) return bars
  if (selection.size === 0) return undefined
  const extent = noteExtent(notesWithIds(song, selection))
  const start = barAtTick(song, extent.start)
  const end = barAtTick(song, extent.end - 1) + 1
  return { start, end }
}

/** A request, or the reason there cannot be one, in words a musician understands. */
export type RequestOrProblem = { ok: true; request: ContinueRequestInput } | { ok: false; problem: string }

/** Builds the continuation request for the selected bars, or says plainly why not. */
export function buildRequest(song: Song, range: BarRange | undefined, settings: ContinueSettings, requestId: string): RequestOrProblem {
  if (!range) return { ok: false, problem: 'Select some bars first: drag across the bar numbers on the ruler.' }
  const bars = range.end - range.start
  if (bars > CONTINUE_LIMITS.maxSelectedBars) return { ok: false, problem: `Select at most ${CONTINUE_LIMITS.maxSelectedBars} bars (you selected ${bars}).` }
  const contextStart = Math.max(0, range.start - settings.contextBars)
  const { start, end } = barRangeTicks(song, { start: contextStart, end: range.end })
  const selected = barRangeTicks(song, range)
  const all = modelNotes(song)
  const inSelection = all.filter((n) => n.ticks < selected.end && n.ticks + n.durationTicks > selected.start)
  if (inSelection.length === 0) return { ok: false, problem: 'The selected bars have no piano notes to continue from. Draw a few notes first.' }
  const notes = all.filter((n) => n.ticks < end && n.ticks + n.durationTicks > start)
  if (notes.length > CONTINUE_LIMITS.maxNotes) return { ok: false, problem: `The selection has too many notes (${notes.length}); select fewer bars.` }
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
  }
  if (settings.maxPolyphony !== undefined) request.maxPolyphony = Math.round(Math.min(88, Math.max(1, settings.maxPolyphony)))
  if (settings.pitchRange) request.pitchRange = { low: Math.min(settings.pitchRange.low, settings.pitchRange.high), high: Math.max(settings.pitchRange.low, settings.pitchRange.high) }
  return { ok: true, request }
}

/** A fresh random seed for "New seed". */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31)
}
