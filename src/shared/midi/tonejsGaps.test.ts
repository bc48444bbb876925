import { describe, expect, it } from 'vitest'
import { Midi } from '#fixtures/tonejsReader.ts'
import { importMidi } from './import.ts'
import { ev, header, chunk, midiFile, riffWrap, smpteDivision, track } from '#fixtures/midiBytes.ts'

// Why importMidi has its own reader: each case shows what @tonejs/midi 2.0.28 does with a file we
// must read, next to what importMidi does. If a @tonejs/midi upgrade fixes these, revisit.
const note = [ev.on(0, 0, 60, 80), ev.off(96, 0, 60)]

describe('@tonejs/midi 2.0.28 shortfalls that importMidi covers', () => {
  it('throws on a format 1 file with zero tracks', () => {
    const bytes = new Uint8Array(header(1, 0, 96))
    expect(() => new Midi(bytes)).toThrow()
    expect(importMidi(bytes).song.tracks).toEqual([])
  })

  it('throws on an unknown chunk', () => {
    const bytes = new Uint8Array([...header(1, 1, 96), ...chunk('XFIH', [0, 1]), ...track(note)])
    expect(() => new Midi(bytes)).toThrow()
    expect(importMidi(bytes).song.tracks[0]!.notes).toHaveLength(1)
  })

  it('throws on a RIFF-wrapped .rmi file', () => {
    const bytes = riffWrap(midiFile(0, 96, [track(note)]))
    expect(() => new Midi(bytes)).toThrow()
    expect(importMidi(bytes).song.tracks[0]!.notes).toHaveLength(1)
  })

  it('gives NaN times for SMPTE division', () => {
    const bytes = midiFile(0, smpteDivision(25, 40), [track(note)])
    expect(new Midi(bytes).tracks[0]!.notes[0]!.time).toBeNaN()
    expect(importMidi(bytes).song.tracks[0]!.notes[0]!.durationTicks).toBe(92) // 96 ticks at 1000 ticks/s = 0.096 s = 92 ticks at 480 PPQ, 120 bpm
  })

  it('passes velocity bytes over 127 through as velocities above 1', () => {
    const bytes = midiFile(0, 96, [track([ev.on(0, 0, 60, 200), ev.off(96, 0, 60)])])
    expect(new Midi(bytes).tracks[0]!.notes[0]!.velocity).toBeGreaterThan(1)
    expect(importMidi(bytes).song.tracks[0]!.notes[0]!.velocity).toBe(127)
  })

  it('silently drops notes that never end', () => {
    const bytes = midiFile(0, 96, [track([ev.on(0, 0, 60, 80), ev.end(96)], { endOfTrack: false })])
    expect(new Midi(bytes).tracks[0]!.notes).toHaveLength(0)
    expect(importMidi(bytes).song.tracks[0]!.notes).toHaveLength(1)
  })

  it('plays format 2 tracks at once', () => {
    const bytes = midiFile(2, 96, [track(note), track(note)])
    expect(new Midi(bytes).tracks.map((t) => t.notes[0]!.ticks)).toEqual([0, 0])
    expect(importMidi(bytes).song.tracks.map((t) => t.notes[0]!.ticks)).toEqual([0, 96])
  })
})
