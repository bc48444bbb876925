import type { ImportReport } from './report.ts'

/** One event of a file track that the song builder uses; ticks are absolute within the track. */
export type TrackEvent =
  | { tick: number; type: 'noteOn' | 'noteOff'; channel: number; pitch: number; velocity: number }
  | { tick: number; type: 'controller'; channel: number; controller: number; value: number }
  | { tick: number; type: 'program'; channel: number; program: number }
  | { tick: number; type: 'pitchBend'; channel: number; value: number }
  | { tick: number; type: 'tempo'; microsecondsPerQuarter: number }
  | { tick: number; type: 'timeSignature'; numerator: number; denominator: number }
  | { tick: number; type: 'keySignature'; fifths: number; mode: 'major' | 'minor' }
  | { tick: number; type: 'text'; kind: 'trackName' | 'text' | 'marker' | 'cuePoint' | 'lyrics'; text: string }

/** The events of one track chunk and how its reading ended. */
export interface ParsedTrack {
  /** Events in file order. */
  events: TrackEvent[]
  /** Tick of the last event read (End of Track included). */
  endTick: number
  /** Byte position just after the last byte read. */
  stop: number
  /** True when an End of Track event was found. */
  ended: boolean
  /** True when the data stopped in the middle of an event. */
  cut: boolean
}

const TEXT_KINDS = { 1: 'text', 3: 'trackName', 5: 'lyrics', 6: 'marker', 7: 'cuePoint' } as const
// Bytes of data after a system common status (F1..F6); F4/F5 are undefined and taken as none.
const SYSTEM_COMMON_LENGTH: Record<number, number> = { 0xf1: 1, 0xf2: 2, 0xf3: 1 }

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = ''
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!)
  return text
}

/**
 * Reads the events of one track chunk from bytes[start, end), leniently: running status, data bytes
 * above 127 clamped, a stray data byte with no status skipped, and a cut-off event ends the track.
 * Every step moves forward, so it always terminates.
 */
export function parseTrackEvents(bytes: Uint8Array, start: number, end: number, report: ImportReport): ParsedTrack {
  const events: TrackEvent[] = []
  let pos = start
  let tick = 0
  let running = -1
  let lastComplete = start
  const readVarLen = (): number => {
    let value = 0
    for (let i = 0; i < 4; i++) {
      if (pos >= end) return -1
      const byte = bytes[pos++]!
      value = value * 128 + (byte & 0x7f)
      if ((byte & 0x80) === 0) return value
    }
    return value // a fifth continuation byte would be corrupt; four are all the format allows
  }
  const data = (): number => {
    const byte = bytes[pos++]!
    if (byte <= 0x7f) return byte
    report.dataBytesClamped++
    return 0x7f
  }
  while (pos < end) {
    const delta = readVarLen()
    if (delta < 0 || pos >= end) return { events, endTick: tick, stop: lastComplete, ended: false, cut: true }
    let status = bytes[pos]!
    if (status & 0x80) {
      pos++
      if (status < 0xf0) running = status
    } else if (running < 0) {
      report.junkBytesSkipped++ // a data byte before any status: nothing to attach it to
      pos++
      lastComplete = pos
      continue
    } else {
      status = running
    }
    const eventTick = tick + delta
    if (status === 0xff) {
      if (pos >= end) return { events, endTick: tick, stop: lastComplete, ended: false, cut: true }
      const metaType = bytes[pos++]!
      const length = readVarLen()
      if (length < 0 || pos + length > end) return { events, endTick: tick, stop: lastComplete, ended: false, cut: true }
      tick = eventTick
      const at = pos
      pos += length
      lastComplete = pos
      if (metaType === 0x2f) return { events, endTick: tick, stop: pos, ended: true, cut: false }
      const textKind = TEXT_KINDS[metaType as keyof typeof TEXT_KINDS]
      if (textKind) events.push({ tick, type: 'text', kind: textKind, text: latin1(bytes, at, at + length) })
      else if (metaType === 0x51 && length >= 3) {
        const microsecondsPerQuarter = (bytes[at]! << 16) | (bytes[at + 1]! << 8) | bytes[at + 2]!
        if (microsecondsPerQuarter > 0) events.push({ tick, type: 'tempo', microsecondsPerQuarter })
        else report.otherEventsDropped++
      } else if (metaType === 0x58 && length >= 2 && bytes[at]! > 0 && bytes[at + 1]! <= 6) {
        events.push({ tick, type: 'timeSignature', numerator: bytes[at]!, denominator: 2 ** bytes[at + 1]! })
      } else if (metaType === 0x59 && length >= 2) {
        const fifths = bytes[at]! > 127 ? bytes[at]! - 256 : bytes[at]!
        if (fifths >= -7 && fifths <= 7) events.push({ tick, type: 'keySignature', fifths, mode: bytes[at + 1] === 1 ? 'minor' : 'major' })
        else report.otherEventsDropped++
      } else report.otherEventsDropped++
    } else if (status === 0xf0 || status === 0xf7) {
      const length = readVarLen()
      if (length < 0 || pos + length > end) return { events, endTick: tick, stop: lastComplete, ended: false, cut: true }
      pos += length
      tick = eventTick
      lastComplete = pos
      report.otherEventsDropped++
    } else if (status > 0xf0) {
      const length = SYSTEM_COMMON_LENGTH[status] ?? 0
      if (pos + length > end) return { events, endTick: tick, stop: lastComplete, ended: false, cut: true }
      pos += length
      tick = eventTick
      lastComplete = pos
      report.otherEventsDropped++
    } else {
      const kind = status & 0xf0
      const channel = status & 0x0f
      const length = kind === 0xc0 || kind === 0xd0 ? 1 : 2
      if (pos + length > end) return { events, endTick: tick, stop: lastComplete, ended: false, cut: true }
      const a = data()
      const b = length === 2 ? data() : 0
      tick = eventTick
      lastComplete = pos
      if (kind === 0x90 && b > 0) events.push({ tick, type: 'noteOn', channel, pitch: a, velocity: b })
      else if (kind === 0x80 || kind === 0x90) events.push({ tick, type: 'noteOff', channel, pitch: a, velocity: b })
      else if (kind === 0xb0) events.push({ tick, type: 'controller', channel, controller: a, value: b })
      else if (kind === 0xc0) events.push({ tick, type: 'program', channel, program: a })
      else if (kind === 0xe0) events.push({ tick, type: 'pitchBend', channel, value: a + b * 128 - 8192 })
      else report.otherEventsDropped++ // aftertouch and channel pressure
    }
  }
  return { events, endTick: tick, stop: pos, ended: false, cut: false }
}
