import { describe, expect, it } from 'vitest'
import { importMidi } from './import.ts'
import { exportMidi } from './export.ts'
import { MidiImportError } from './errors.ts'
import { describeReport } from './report.ts'
import { ev, midiFile, riffWrap, smpteDivision, track, ascii, chunk, header } from '#fixtures/midiBytes.ts'

const C4 = 60

describe('importMidi: formats and timing', () => {
  it('reads a format 0 file, splitting channels into tracks', () => {
    const file = midiFile(0, 96, [
      track([ev.name(0, 'solo'), ev.on(0, 0, C4, 100), ev.on(0, 9, 36, 90), ev.off(96, 0, C4), ev.off(0, 9, 36)]),
    ])
    const { song, report } = importMidi(file)
    expect(song.ppq).toBe(96)
    expect(song.tracks.map((t) => [t.name, t.channel, t.isDrum])).toEqual([
      ['solo', 0, false],
      ['solo', 9, true],
    ])
    expect(song.tracks[0]!.notes).toEqual([{ pitch: C4, ticks: 0, durationTicks: 96, velocity: 100 }])
    expect(report.drumNotes).toBe(1)
    expect(report.notesKept).toBe(2)
  })

  it('reads a format 1 file: conductor track gives the name, tempo and meter', () => {
    const conductor = track([
      ev.name(0, 'Song'),
      ev.tempo(0, 400_000),
      ev.timeSignature(0, 3, 4),
      ev.tempo(960, 600_000),
      ev.timeSignature(0, 6, 8),
    ])
    const piano = track([ev.name(0, 'Piano'), ev.program(0, 0, 4), ev.on(0, 0, C4, 64), ev.off(480, 0, C4)])
    const { song } = importMidi(midiFile(1, 480, [conductor, piano]))
    expect(song.name).toBe('Song')
    expect(song.tempos).toEqual([
      { ticks: 0, microsecondsPerQuarter: 400_000 },
      { ticks: 960, microsecondsPerQuarter: 600_000 },
    ])
    expect(song.timeSignatures).toEqual([
      { ticks: 0, numerator: 3, denominator: 4 },
      { ticks: 960, numerator: 6, denominator: 8 },
    ])
    expect(song.tracks).toHaveLength(1)
    expect(song.tracks[0]!).toMatchObject({ name: 'Piano', instrument: 4, channel: 0 })
  })

  it('plays format 2 tracks one after another, not at once', () => {
    const first = track([ev.tempo(0, 500_000), ev.on(0, 0, C4, 80), ev.off(100, 0, C4), ev.end(20)], { endOfTrack: false })
    const second = track([ev.tempo(0, 250_000), ev.on(0, 0, 62, 80), ev.off(50, 0, 62)])
    const { song } = importMidi(midiFile(2, 100, [first, second]))
    expect(song.tracks.map((t) => t.notes[0]!.ticks)).toEqual([0, 120])
    expect(song.tempos).toEqual([
      { ticks: 0, microsecondsPerQuarter: 500_000 },
      { ticks: 120, microsecondsPerQuarter: 250_000 },
    ])
  })

  it.each([1, 24, 96, 480, 960, 32767])('keeps any PPQ (%i) and tick positions exactly', (ppq) => {
    const { song } = importMidi(midiFile(0, ppq, [track([ev.on(ppq, 0, C4, 80), ev.off(ppq * 2, 0, C4)])]))
    expect(song.ppq).toBe(ppq)
    expect(song.tracks[0]!.notes[0]).toMatchObject({ ticks: ppq, durationTicks: ppq * 2 })
  })

  it('converts SMPTE division to ticks at 480 PPQ and 120 bpm (where @tonejs/midi gives NaN)', () => {
    // 25 fps x 40 ticks = 1000 ticks per second: a note at 0.5 s lasting 1 s.
    const file = midiFile(0, smpteDivision(25, 40), [track([ev.tempo(0, 300_000), ev.on(500, 0, C4, 80), ev.off(1000, 0, C4)])])
    const { song, report } = importMidi(file)
    expect(song.ppq).toBe(480)
    expect(song.tempos).toEqual([{ ticks: 0, microsecondsPerQuarter: 500_000 }])
    expect(song.tracks[0]!.notes[0]).toMatchObject({ ticks: 480, durationTicks: 960 })
    expect(report.division).toEqual({ kind: 'smpte', framesPerSecond: 25, ticksPerFrame: 40 })
    expect(describeReport(report)[0]).toMatch(/SMPTE/)
  })

  it('reads running status, including note-on velocity 0 as note-off', () => {
    const file = midiFile(0, 96, [track([ev.on(0, 0, C4, 70), ev.running(0, 64, 71), ev.running(96, C4, 0), ev.running(0, 64, 0)])])
    const notes = importMidi(file).song.tracks[0]!.notes
    expect(notes).toEqual([
      { pitch: C4, ticks: 0, durationTicks: 96, velocity: 70 },
      { pitch: 64, ticks: 0, durationTicks: 96, velocity: 71 },
    ])
  })

  it('adds the MIDI defaults (120 bpm, 4/4) at tick 0 when the file has none there', () => {
    const { song } = importMidi(midiFile(0, 96, [track([ev.tempo(96, 600_000), ev.on(0, 0, C4, 80), ev.off(96, 0, C4)])]))
    expect(song.tempos).toEqual([
      { ticks: 0, microsecondsPerQuarter: 500_000 },
      { ticks: 96, microsecondsPerQuarter: 600_000 },
    ])
    expect(song.timeSignatures).toEqual([{ ticks: 0, numerator: 4, denominator: 4 }])
  })
})

describe('importMidi: notes', () => {
  it('keeps drums on channel 10 apart, flagged isDrum', () => {
    const file = midiFile(1, 96, [track([ev.on(0, 0, C4, 80), ev.off(96, 0, C4)]), track([ev.on(0, 9, 38, 100), ev.off(10, 9, 38)])])
    const { song, report } = importMidi(file)
    expect(song.tracks.map((t) => t.isDrum)).toEqual([false, true])
    expect(report.drumNotes).toBe(1)
  })

  it('keeps notes outside the 88 keys in the song and reports them', () => {
    const file = midiFile(0, 96, [
      track([ev.on(0, 0, 12, 80), ev.on(0, 0, 120, 80), ev.on(0, 0, C4, 80), ev.off(96, 0, 12), ev.off(0, 0, 120), ev.off(0, 0, C4)]),
    ])
    const { song, report } = importMidi(file)
    expect(song.tracks[0]!.notes.map((n) => n.pitch)).toEqual([12, C4, 120])
    expect(report.notesOutsidePiano).toBe(2)
  })

  it('ends hanging notes at the track end and reports them', () => {
    const file = midiFile(0, 96, [track([ev.on(0, 0, C4, 80), ev.on(0, 0, 64, 80), ev.off(96, 0, 64), ev.end(96)], { endOfTrack: false })])
    const { song, report } = importMidi(file)
    expect(song.tracks[0]!.notes).toContainEqual({ pitch: C4, ticks: 0, durationTicks: 192, velocity: 80 })
    expect(report.hangingNotesEnded).toBe(1)
  })

  it('clamps velocity (and other data) bytes above 127 and reports them', () => {
    const file = midiFile(0, 96, [track([ev.on(0, 0, C4, 200), ev.off(96, 0, C4)])])
    const { song, report } = importMidi(file)
    expect(song.tracks[0]!.notes[0]!.velocity).toBe(127)
    expect(report.dataBytesClamped).toBe(1)
  })

  it('with the sustain option, extends notes released while the pedal is down', () => {
    const events = [
      ev.cc(0, 0, 64, 127),
      ev.on(0, 0, C4, 80),
      ev.off(96, 0, C4),
      ev.on(0, 0, 64, 80),
      ev.off(48, 0, 64),
      ev.cc(96, 0, 64, 0),
      ev.on(0, 0, 67, 80),
      ev.off(96, 0, 67),
    ]
    const file = midiFile(0, 96, [track(events)])
    const plain = importMidi(file)
    expect(plain.song.tracks[0]!.notes.map((n) => n.durationTicks)).toEqual([96, 48, 96])
    expect(plain.song.tracks[0]!.controlChanges).toHaveLength(2)
    const sustained = importMidi(file, { sustain: true })
    expect(sustained.song.tracks[0]!.notes.map((n) => [n.pitch, n.ticks, n.durationTicks])).toEqual([
      [C4, 0, 240],
      [64, 96, 144],
      [67, 240, 96],
    ])
    expect(sustained.report.notesExtendedBySustain).toBe(2)
    expect(sustained.song.tracks[0]!.controlChanges).toEqual([])
  })

  it('sustain: a key struck again while sustained cuts the earlier note there', () => {
    const events = [
      ev.cc(0, 0, 64, 127),
      ev.on(0, 0, C4, 80),
      ev.off(10, 0, C4),
      ev.on(90, 0, C4, 80),
      ev.off(10, 0, C4),
      ev.cc(100, 0, 64, 0),
    ]
    const { song } = importMidi(midiFile(0, 96, [track(events)]), { sustain: true })
    expect(song.tracks[0]!.notes.map((n) => [n.ticks, n.durationTicks])).toEqual([
      [0, 100],
      [100, 110],
    ])
  })

  it('a key struck again while held ends the first note there; an off on the same tick as an on ends the older note', () => {
    const events = [ev.on(0, 0, C4, 80), ev.on(50, 0, C4, 90), ev.on(50, 0, C4, 70), ev.off(0, 0, C4), ev.off(100, 0, C4)]
    const { song, report } = importMidi(midiFile(0, 96, [track(events)]))
    expect(song.tracks[0]!.notes.map((n) => [n.ticks, n.durationTicks, n.velocity])).toEqual([
      [0, 50, 80],
      [50, 50, 90],
      [100, 100, 70],
    ])
    expect(report.overlappingNotesTrimmed).toBe(1)
  })

  it('drops zero-length notes and ignores stray note-offs, counting both', () => {
    const { song, report } = importMidi(midiFile(0, 96, [track([ev.off(0, 0, 70), ev.on(0, 0, C4, 80), ev.off(0, 0, C4)])]))
    expect(song.tracks[0]!.notes).toEqual([])
    expect(report).toMatchObject({ zeroLengthNotesDropped: 1, strayNoteOffs: 1 })
  })

  it('keeps the first program change and reports later ones', () => {
    const { song, report } = importMidi(midiFile(0, 96, [track([ev.program(0, 0, 5), ev.program(10, 0, 6)])]))
    expect(song.tracks[0]!.instrument).toBe(5)
    expect(report.programChangesDropped).toBe(1)
  })
})

describe('importMidi: odd and damaged files', () => {
  it('reads a format 1 file with zero tracks as an empty song', () => {
    const { song, report } = importMidi(new Uint8Array(header(1, 0, 480)))
    expect(song.tracks).toEqual([])
    expect(report.tracksRead).toBe(0)
  })

  it('skips unknown chunks', () => {
    const file = new Uint8Array([...header(1, 1, 96), ...chunk('XFIH', [1, 2, 3]), ...track([ev.on(0, 0, C4, 80), ev.off(96, 0, C4)])])
    const { song, report } = importMidi(file)
    expect(song.tracks[0]!.notes).toHaveLength(1)
    expect(report.unknownChunksSkipped).toBe(1)
  })

  it('unwraps RIFF .rmi files', () => {
    const inner = midiFile(0, 96, [track([ev.on(0, 0, C4, 80), ev.off(96, 0, C4)])])
    const { song, report } = importMidi(riffWrap(inner))
    expect(song.tracks[0]!.notes).toHaveLength(1)
    expect(report.riffWrapped).toBe(true)
  })

  it('skips junk between chunks and before the header', () => {
    const file = new Uint8Array([1, 2, 3, ...header(0, 1, 96), 0, 0, 0xff, 0x13, ...track([ev.on(0, 0, C4, 80), ev.off(96, 0, C4)])])
    const { song, report } = importMidi(file)
    expect(song.tracks[0]!.notes).toHaveLength(1)
    expect(report.junkBytesSkipped).toBe(7)
  })

  it('reads a track with no End of Track event up to its chunk end', () => {
    const file = midiFile(1, 96, [
      track([ev.on(0, 0, C4, 80), ev.off(96, 0, C4)], { endOfTrack: false }),
      track([ev.on(0, 1, 64, 80), ev.off(96, 1, 64)]),
    ])
    const { song, report } = importMidi(file)
    expect(song.tracks.map((t) => t.notes.length)).toEqual([1, 1])
    expect(report.missingEndOfTrack).toBe(1)
  })

  it('reads a truncated last track up to the cut, ending its hanging notes', () => {
    const whole = midiFile(0, 96, [track([ev.on(0, 0, C4, 80), ev.on(0, 0, 64, 80), ev.off(96, 0, 64), ev.off(96, 0, C4)])])
    const { song, report } = importMidi(whole.subarray(0, whole.length - 6))
    expect(song.tracks[0]!.notes.map((n) => [n.pitch, n.durationTicks])).toEqual([
      [C4, 96],
      [64, 96],
    ])
    expect(report).toMatchObject({ truncatedTracks: 1, hangingNotesEnded: 1 })
  })

  it('works around a chunk length that is too short', () => {
    const first = track([ev.on(0, 0, C4, 80), ev.off(96, 0, C4)], { declaredLength: 4 })
    const file = midiFile(1, 96, [first, track([ev.on(0, 1, 64, 80), ev.off(96, 1, 64)])])
    const { song, report } = importMidi(file)
    expect(song.tracks.map((t) => t.notes.length)).toEqual([1, 1])
    expect(report.chunkLengthsRepaired).toBe(1)
  })

  it('works around a chunk length that is too long', () => {
    const first = track([ev.on(0, 0, C4, 80), ev.off(96, 0, C4)], { declaredLength: 30 })
    const file = midiFile(1, 96, [first, track([ev.on(0, 1, 64, 80), ev.off(96, 1, 64)])])
    const { song, report } = importMidi(file)
    expect(song.tracks.map((t) => t.notes.length)).toEqual([1, 1])
    expect(report.chunkLengthsRepaired).toBe(1)
  })

  it('drops sysex and counts it', () => {
    const { report } = importMidi(midiFile(0, 96, [track([ev.sysex(0, [0x7e, 0x7f, 0x09, 0x01])])]))
    expect(report.otherEventsDropped).toBe(1)
  })

  it.each([
    ['an empty file', new Uint8Array(), /empty/],
    ['a text file', new Uint8Array(ascii('hello, this is not MIDI')), /no "MThd" header/],
    ['a cut header', new Uint8Array(ascii('MThd\0\0\0\x06\0\x01')), /header is cut short/],
    ['a header with 0 PPQ', new Uint8Array(header(0, 0, 0)), /0 ticks per quarter/],
    ['a bad SMPTE rate', new Uint8Array(header(0, 0, 0xe628)), /SMPTE/],
  ])('rejects %s with a clear MidiImportError', (_, bytes, message) => {
    expect(() => importMidi(bytes)).toThrow(MidiImportError)
    expect(() => importMidi(bytes)).toThrow(message)
  })
})

describe('exportMidi then importMidi', () => {
  it('round-trips a multi-track imported file: names, channels, programs, drums, controllers, bends', () => {
    const conductor = track([ev.name(0, 'Tune'), ev.tempo(0, 450_000), ev.timeSignature(0, 7, 8)])
    const piano = track([
      ev.name(0, 'Keys'),
      ev.program(0, 2, 1),
      ev.cc(0, 2, 7, 100),
      ev.on(0, 2, C4, 80),
      [0, 0xe2, 0, 0x50],
      ev.off(96, 2, C4),
    ])
    const drums = track([ev.name(0, 'Kit'), ev.on(0, 9, 36, 127), ev.off(10, 9, 36)])
    const first = importMidi(midiFile(1, 192, [conductor, piano, drums])).song
    const again = importMidi(exportMidi(first))
    expect(again.song).toEqual(first)
    expect(first.tracks[0]!.pitchBends).toEqual([{ ticks: 0, value: 0x50 * 128 - 8192 }])
    expect(first.tracks[1]!.isDrum).toBe(true)
  })
})
