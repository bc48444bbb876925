import type { Song, Track } from '../music/types.ts'
import { ByteWriter } from './byteWriter.ts'

// One event as written: a status byte and its data (for meta events: type, length, payload).
interface OutEvent {
  tick: number
  rank: number
  status: number
  data: number[]
}

// At one tick: meta and program first, note-offs before controllers, note-ons last, so a note that
// ends where the next note of its key starts reads back (by any reader) as two notes.
const RANK = { meta: 0, program: 1, noteOff: 2, control: 3, noteOn: 4 } as const
const TEXT_TYPE = { text: 0x01, marker: 0x06, cuePoint: 0x07, lyrics: 0x05 } as const

function varLenBytes(value: number): number[] {
  const bytes = [value & 0x7f]
  for (let v = value >>> 7; v > 0; v >>>= 7) bytes.unshift((v & 0x7f) | 0x80)
  return bytes
}

function meta(tick: number, type: number, payload: number[]): OutEvent {
  return { tick, rank: RANK.meta, status: 0xff, data: [type, ...varLenBytes(payload.length), ...payload] }
}

function text(tick: number, type: number, value: string): OutEvent {
  return meta(
    tick,
    type,
    Array.from(value, (c) => c.charCodeAt(0) & 0xff),
  )
}

function conductorEvents(song: Song): OutEvent[] {
  return [
    text(0, 0x03, song.name),
    ...song.keySignatures.map((k) => meta(k.ticks, 0x59, [k.fifths & 0xff, k.mode === 'minor' ? 1 : 0])),
    ...song.texts.map((t) => text(t.ticks, TEXT_TYPE[t.kind], t.text)),
    ...song.tempos.map((t) =>
      meta(t.ticks, 0x51, [
        (t.microsecondsPerQuarter >>> 16) & 0xff,
        (t.microsecondsPerQuarter >>> 8) & 0xff,
        t.microsecondsPerQuarter & 0xff,
      ]),
    ),
    ...song.timeSignatures.map((t) => meta(t.ticks, 0x58, [t.numerator, Math.log2(t.denominator), 24, 8])),
  ]
}

function trackEvents(track: Track): OutEvent[] {
  const ch = track.channel & 0x0f
  const events: OutEvent[] = [text(0, 0x03, track.name), { tick: 0, rank: RANK.program, status: 0xc0 | ch, data: [track.instrument] }]
  for (const n of track.notes) {
    events.push({ tick: n.ticks, rank: RANK.noteOn, status: 0x90 | ch, data: [n.pitch, n.velocity] })
    events.push({ tick: n.ticks + n.durationTicks, rank: RANK.noteOff, status: 0x80 | ch, data: [n.pitch, 0] })
  }
  for (const cc of track.controlChanges)
    events.push({ tick: cc.ticks, rank: RANK.control, status: 0xb0 | ch, data: [cc.controller, cc.value] })
  for (const bend of track.pitchBends) {
    const raw = bend.value + 8192
    events.push({ tick: bend.ticks, rank: RANK.control, status: 0xe0 | ch, data: [raw & 0x7f, raw >> 7] })
  }
  return events
}

function writeTrack(w: ByteWriter, events: OutEvent[]): void {
  events.sort((a, b) => a.tick - b.tick || a.rank - b.rank) // stable: ties keep the order added
  w.latin1('MTrk')
  const lengthAt = w.length
  w.u32(0)
  let tick = 0
  let running = -1
  for (const event of events) {
    w.varLen(event.tick - tick)
    tick = event.tick
    // Running status: a channel event with the previous event's status leaves the byte out.
    if (event.status !== running) w.u8(event.status)
    running = event.status < 0xf0 ? event.status : -1
    for (const byte of event.data) w.u8(byte)
  }
  for (const byte of [0, 0xff, 0x2f, 0]) w.u8(byte)
  w.patchU32(lengthAt, w.length - lengthAt - 4)
}

/**
 * Encodes the song as a format 1 Standard MIDI File: a conductor track (name, key signatures, texts,
 * tempo map, time signatures) and one track per song track (name, program, notes, controllers, pitch
 * bends), with running status; note-off velocity 0. Our own writer rather than @tonejs/midi's: that
 * one copies the whole track buffer for every delta time over 127 (7 s for 64,000 notes, see
 * bench/midi.ts) and writes key signatures 7 sharps off. Tests check @tonejs/midi reads our files.
 */
export function exportMidi(song: Song): Uint8Array {
  const w = new ByteWriter()
  w.latin1('MThd')
  w.u32(6)
  for (const value of [1, song.tracks.length + 1, song.ppq]) {
    w.u8(value >> 8)
    w.u8(value)
  }
  writeTrack(w, conductorEvents(song))
  for (const track of song.tracks) writeTrack(w, trackEvents(track))
  return w.toBytes()
}
