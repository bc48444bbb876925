import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { exportMidi } from './export.ts'
import { Midi } from '#fixtures/tonejsReader.ts'
import { arbitrarySong } from '#fixtures/arbitrarySong.ts'
import { createSong } from '../music/song.ts'

const KEY_NAMES = ['Cb', 'Gb', 'Db', 'Ab', 'Eb', 'Bb', 'F', 'C', 'G', 'D', 'A', 'E', 'B', 'F#', 'C#']

describe('exportMidi', () => {
  it('writes files @tonejs/midi reads back the same (an independent reader)', () => {
    fc.assert(
      fc.property(arbitrarySong, (song) => {
        const midi = new Midi(exportMidi(song))
        expect(midi.header.ppq).toBe(song.ppq)
        expect(midi.header.name).toBe(song.name)
        expect(midi.header.tempos.map((t) => [t.ticks, Math.round(60_000_000 / t.bpm)])).toEqual(
          song.tempos.map((t) => [t.ticks, t.microsecondsPerQuarter]),
        )
        expect(midi.header.timeSignatures.map((t) => [t.ticks, ...t.timeSignature])).toEqual(
          song.timeSignatures.map((t) => [t.ticks, t.numerator, t.denominator]),
        )
        expect(midi.header.keySignatures.map((k) => [k.ticks, k.key, k.scale])).toEqual(
          song.keySignatures.map((k) => [k.ticks, KEY_NAMES[k.fifths + 7], k.mode]),
        )
        expect(midi.tracks.map((t) => [t.name, t.instrument.number])).toEqual(song.tracks.map((t) => [t.name, t.instrument]))
        midi.tracks.forEach((t, i) => {
          if (t.notes.length > 0) expect(t.channel).toBe(song.tracks[i]!.channel) // it takes the channel from the first note
          const theirs = t.notes
            .map((n) => [n.ticks, n.midi, n.durationTicks, Math.round(n.velocity * 127)])
            .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)
          expect(theirs).toEqual(song.tracks[i]!.notes.map((n) => [n.ticks, n.pitch, n.durationTicks, n.velocity]))
        })
      }),
      { numRuns: 100 },
    )
  })

  it('uses running status and writes a new song compactly', () => {
    const song = createSong(96)
    song.tracks[0]!.notes = [0, 1, 2, 3].map((i) => ({ pitch: 60 + i, ticks: i * 96, durationTicks: 96, velocity: 80 }))
    const bytes = exportMidi(song)
    // Note-ons and note-offs alternate here, so running status saves little; the file stays small.
    expect(bytes.filter((b) => b === 0x90).length).toBeLessThanOrEqual(4)
    expect(bytes.length).toBeLessThan(120)
  })
})
