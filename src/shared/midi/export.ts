import { Midi } from './tonejs.ts'
import { parseMidi, writeMidi } from 'midi-file'
import type { Song } from '../music/types.ts'
import { compareNotes } from '../music/song.ts'

// @tonejs/midi stores values as fractions and floors when writing (floor(v * 127), floor(60e6 / bpm)).
// Aiming at the middle of the wanted integer makes the floor land on it despite rounding error.
const unit127 = (value: number): number => (value + 0.5) / 127
const bpmFor = (microsecondsPerQuarter: number): number => 60_000_000 / (microsecondsPerQuarter + 0.5)
const KEY_NAMES = ['Cb', 'Gb', 'Db', 'Ab', 'Eb', 'Bb', 'F', 'C', 'G', 'D', 'A', 'E', 'B', 'F#', 'C#']

/**
 * Encodes the song as a format 1 MIDI file with @tonejs/midi: a conductor track (name, tempo map,
 * time and key signatures, texts) and one track per song track (name, channel, program, notes,
 * controllers, pitch bends). Note-off velocities are written as 0.
 */
export function exportMidi(song: Song): Uint8Array {
  const keySignatures = [...song.keySignatures].sort((a, b) => a.ticks - b.ticks)
  const midi = new Midi()
  midi.header.fromJSON({
    name: song.name,
    ppq: song.ppq,
    tempos: song.tempos.map((t) => ({ ticks: t.ticks, bpm: bpmFor(t.microsecondsPerQuarter) })),
    timeSignatures: song.timeSignatures.map((t) => ({ ticks: t.ticks, timeSignature: [t.numerator, t.denominator] })),
    keySignatures: keySignatures.map((k) => ({ ticks: k.ticks, key: KEY_NAMES[k.fifths + 7] ?? 'C', scale: k.mode })),
    meta: song.texts.map((t) => ({ ticks: t.ticks, type: t.kind, text: t.text })),
  })
  for (const track of song.tracks) {
    const out = midi.addTrack()
    out.name = track.name
    out.channel = track.channel
    out.instrument.number = track.instrument
    // Sorted input keeps each insert at the end (O(1)), and a note that ends where the next note of
    // its key starts is written off-before-on, which the importer reads back as two notes.
    for (const note of [...track.notes].sort(compareNotes)) {
      out.addNote({ midi: note.pitch, ticks: note.ticks, durationTicks: note.durationTicks, velocity: unit127(note.velocity), noteOffVelocity: 0 })
    }
    for (const cc of track.controlChanges) out.addCC({ number: cc.controller, ticks: cc.ticks, value: unit127(cc.value) })
    for (const bend of track.pitchBends) out.addPitchBend({ ticks: bend.ticks, value: bend.value }) // raw -8192..8191 is what midi-file writes
  }
  const bytes = midi.toArray()
  return keySignatures.length > 0 ? fixKeySignatures(bytes, keySignatures.map((k) => k.fifths)) : bytes
}

// @tonejs/midi 2.0.28 writes a key signature's sharps as its index + 7, so every key comes out wrong
// (C major as 14 sharps). Rewrite those events with midi-file, the library @tonejs/midi writes with.
function fixKeySignatures(bytes: Uint8Array, fifths: readonly number[]): Uint8Array {
  const data = parseMidi(bytes)
  let index = 0
  for (const event of data.tracks[0] ?? []) {
    // The conductor track holds them in the order given (its events are stably sorted by tick).
    if (event.type === 'keySignature') event.key = fifths[index++] ?? 0
  }
  return new Uint8Array(writeMidi(data))
}
