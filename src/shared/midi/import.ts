import type { Song } from '../music/types.ts'
import { buildSong } from './build.ts'
import type { ImportOptions } from './build.ts'
import { readChunks } from './chunks.ts'
import { MidiImportError } from './errors.ts'
import type { ImportReport } from './report.ts'

/** A song read from a MIDI file and what the reading changed or left out. */
export interface ImportResult {
  /** The song, normalized (maps start at tick 0, notes sorted, no same-key overlaps). */
  song: Song
  /** Counts of what was changed or left out. */
  report: ImportReport
}

/**
 * Reads a Standard MIDI File (or RIFF .rmi) leniently. Our own reader rather than @tonejs/midi's
 * parser: that one throws on valid files (zero tracks, unknown chunks, RIFF), gives NaN times for
 * SMPTE, passes data bytes over 127 through, drops hanging notes and plays format 2 tracks at once
 * (src/shared/midi/tonejsGaps.test.ts measures each). Throws only MidiImportError.
 */
export function importMidi(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  try {
    const chunks = readChunks(bytes)
    const song = buildSong(chunks, options)
    return { song, report: chunks.report }
  } catch (error) {
    if (error instanceof MidiImportError) throw error
    // A bug must still reach the caller as the one error type the UI expects, with its cause kept.
    const message = error instanceof Error ? error.message : String(error)
    throw new MidiImportError(`could not read the MIDI file: ${message}`, { cause: error })
  }
}

export type { ImportOptions }
