import { MidiImportError } from './errors.ts'
import { parseTrackEvents } from './events.ts'
import type { ParsedTrack } from './events.ts'
import { emptyReport } from './report.ts'
import type { Division, ImportReport } from './report.ts'

/** A MIDI file split into its header fields and parsed track chunks. */
export interface MidiChunks {
  /** Format 0, 1 or 2 as declared. */
  format: number
  /** Timing division. */
  division: Division
  /** Track chunks in file order. */
  tracks: ParsedTrack[]
  /** What reading changed or skipped so far. */
  report: ImportReport
}

const MTHD = [0x4d, 0x54, 0x68, 0x64]
const MTRK = [0x4d, 0x54, 0x72, 0x6b]

function matches(bytes: Uint8Array, at: number, tag: readonly number[]): boolean {
  return at >= 0 && at + tag.length <= bytes.length && tag.every((b, i) => bytes[at + i] === b)
}

function indexOfTag(bytes: Uint8Array, tag: readonly number[], from: number): number {
  for (let i = Math.max(0, from); i + tag.length <= bytes.length; i++) {
    if (bytes[i] === tag[0] && matches(bytes, i, tag)) return i
  }
  return -1
}

function uint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!
}

function uint16(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!
}

// A chunk id is four printable ASCII characters; anything else means we are not at a chunk start.
function looksLikeChunk(bytes: Uint8Array, at: number): boolean {
  if (at + 8 > bytes.length) return false
  for (let i = at; i < at + 4; i++) if (bytes[i]! < 0x20 || bytes[i]! > 0x7e) return false
  return true
}

/** The SMF bytes inside a RIFF RMID wrapper (its "data" chunk), or null when not wrapped. */
export function unwrapRiff(bytes: Uint8Array): Uint8Array | null {
  const riff = [0x52, 0x49, 0x46, 0x46]
  if (!matches(bytes, 0, riff)) return null
  for (let pos = 12; pos + 8 <= bytes.length;) {
    const size = bytes[pos + 4]! + (bytes[pos + 5]! << 8) + (bytes[pos + 6]! << 16) + bytes[pos + 7]! * 2 ** 24 // RIFF is little-endian
    if (matches(bytes, pos, [0x64, 0x61, 0x74, 0x61])) return bytes.subarray(pos + 8, Math.min(bytes.length, pos + 8 + size))
    pos += 8 + size + (size % 2) // chunks are padded to even length
  }
  return null
}

function readDivision(raw: number): Division {
  if (raw & 0x8000) {
    const fps = 256 - (raw >> 8)
    const ticksPerFrame = raw & 0xff
    if (![24, 25, 29, 30].includes(fps) || ticksPerFrame === 0) {
      throw new MidiImportError(`unsupported SMPTE timing: ${fps} frames per second, ${ticksPerFrame} ticks per frame`)
    }
    return { kind: 'smpte', framesPerSecond: fps, ticksPerFrame }
  }
  if (raw === 0) throw new MidiImportError('the header gives 0 ticks per quarter note, so no event has a time')
  return { kind: 'ppq', ppq: raw }
}

/** Reads the header and every track chunk leniently; throws MidiImportError only when no MIDI header is there. */
export function readChunks(input: Uint8Array): MidiChunks {
  const inner = unwrapRiff(input)
  const bytes = inner ?? input
  const headerAt = indexOfTag(bytes, MTHD, 0)
  if (headerAt < 0) {
    throw new MidiImportError(bytes.length === 0 ? 'the file is empty' : 'not a MIDI file: no "MThd" header found')
  }
  const headerLength = headerAt + 8 <= bytes.length ? uint32(bytes, headerAt + 4) : 0
  if (headerLength < 6 || headerAt + 14 > bytes.length) {
    throw new MidiImportError(`the MIDI header is cut short (${Math.max(0, bytes.length - headerAt - 8)} of 6 bytes)`)
  }
  const format = uint16(bytes, headerAt + 8)
  const report = emptyReport(format, readDivision(uint16(bytes, headerAt + 12)), uint16(bytes, headerAt + 10))
  report.riffWrapped = inner !== null
  report.junkBytesSkipped += headerAt
  const tracks: ParsedTrack[] = []
  let pos = headerAt + 8 + headerLength
  if (headerLength > 6 && !looksLikeChunk(bytes, pos) && looksLikeChunk(bytes, headerAt + 14)) pos = headerAt + 14
  while (pos + 8 <= bytes.length) {
    if (matches(bytes, pos, MTRK)) {
      pos = readTrack(bytes, pos, tracks, report)
    } else if (looksLikeChunk(bytes, pos)) {
      report.unknownChunksSkipped++
      const after = pos + 8 + uint32(bytes, pos + 4)
      const nextTrack = after > bytes.length ? indexOfTag(bytes, MTRK, pos + 8) : -1
      pos = nextTrack < 0 ? after : nextTrack // a length past the end is corrupt: look for more tracks
    } else {
      const next = indexOfTag(bytes, MTRK, pos + 1)
      report.junkBytesSkipped += (next < 0 ? bytes.length : next) - pos
      if (next < 0) break
      pos = next
    }
  }
  report.tracksRead = tracks.length
  return { format, division: report.division, tracks, report }
}

// Reads one MTrk chunk at `at` and returns where the next chunk starts.
function readTrack(bytes: Uint8Array, at: number, tracks: ParsedTrack[], report: ImportReport): number {
  const start = at + 8
  const declaredEnd = start + uint32(bytes, at + 4)
  // Parse into a scratch report first: if the length proves wrong, the track is parsed again.
  const scratch = { ...report }
  let track = parseTrackEvents(bytes, start, Math.min(declaredEnd, bytes.length), scratch)
  let next = declaredEnd
  if (!track.ended && declaredEnd < bytes.length && !looksLikeChunk(bytes, declaredEnd)) {
    // Declared too short: the events run on past the length. Read up to the next track chunk instead.
    const nextTrack = indexOfTag(bytes, MTRK, start)
    next = nextTrack < 0 ? bytes.length : nextTrack
    track = parseTrackEvents(bytes, start, next, report)
    report.chunkLengthsRepaired++
  } else {
    Object.assign(report, scratch)
    const endsElsewhere = declaredEnd !== track.stop && !matches(bytes, declaredEnd, MTRK)
    if (
      track.ended &&
      endsElsewhere &&
      (matches(bytes, track.stop, MTRK) || (declaredEnd < bytes.length && !looksLikeChunk(bytes, declaredEnd)))
    ) {
      // Declared too long (it reaches into the next chunk): continue right after End of Track.
      report.chunkLengthsRepaired++
      next = track.stop
    }
  }
  if (track.cut || (!track.ended && declaredEnd > bytes.length)) report.truncatedTracks++
  else if (!track.ended) report.missingEndOfTrack++
  tracks.push(track)
  return next
}
