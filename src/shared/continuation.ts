import type { ContinueRequest, ContinueRequestInput } from './ipc/continue.ts'
import { barRangeTicks, modelNotes, type BarRange, type Song, type Track } from './music/index.ts'
import type { Candidate } from './ipc/continue.ts'

/** What the user chose in the Continue panel (or on the command line). */
export interface ContinueSettings {
  requestId: string
  selection: BarRange
  contextBars?: number
  barsToWrite: number
  temperature: number
  variations: number
  seed: number
  maxPolyphony?: number | undefined
  pitchRange?: { low: number; high: number } | undefined
}

/**
 * Builds a continuation request from a song: only the notes the model may hear (no drums, the 88
 * keys) that sound in the context bars or the selection, with the song's tempo and time-signature maps.
 */
export function buildContinueRequest(song: Song, settings: ContinueSettings): ContinueRequestInput & Pick<ContinueRequest, 'contextBars'> {
  const contextBars = settings.contextBars ?? 0
  const range = barRangeTicks(song, { start: Math.max(0, settings.selection.start - contextBars), end: settings.selection.end })
  const notes = modelNotes(song).filter((note) => note.ticks < range.end && note.ticks + note.durationTicks > range.start)
  return {
    requestId: settings.requestId,
    ppq: song.ppq,
    tempos: song.tempos,
    timeSignatures: song.timeSignatures,
    notes,
    selection: settings.selection,
    contextBars,
    barsToWrite: settings.barsToWrite,
    temperature: settings.temperature,
    variations: settings.variations,
    seed: settings.seed,
    ...(settings.maxPolyphony !== undefined ? { maxPolyphony: settings.maxPolyphony } : {}),
    ...(settings.pitchRange ? { pitchRange: settings.pitchRange } : {}),
  }
}

/** A track holding one candidate, for writing candidates next to the song (the CLI's output). */
export function candidateTrack(candidate: Candidate, name: string, channel = 0): Track {
  return { name, channel, instrument: 0, isDrum: false, notes: candidate.notes, controlChanges: [], pitchBends: [] }
}
