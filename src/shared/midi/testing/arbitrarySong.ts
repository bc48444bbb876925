import fc from 'fast-check'
import type { ControlChange, KeySignatureChange, Note, PitchBend, Song, TempoChange, TextEvent, TimeSignatureChange, Track } from '../../music/types.ts'
import { normalizeNotes } from '../../music/notes.ts'

// Random songs the editor can make: integer ticks, velocities 1..127, tempo and meter changes, and
// tracks in the normal form the importer produces (see Track and Song doc comments).

const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 12 })
const tick = fc.integer({ min: 0, max: 200_000 })

/** Items at distinct ticks, sorted, optionally with one forced at tick 0. */
function atDistinctTicks<T extends { ticks: number }>(item: fc.Arbitrary<Omit<T, 'ticks'>>, maxLength: number, startAtZero: boolean): fc.Arbitrary<T[]> {
  return fc.uniqueArray(tick.filter((t) => !startAtZero || t > 0), { maxLength }).chain((ticks) => {
    const all = (startAtZero ? [0, ...ticks] : ticks).sort((a, b) => a - b)
    return fc.tuple(...all.map((t) => item.map((rest) => ({ ...rest, ticks: t }) as T)))
  })
}

const note: fc.Arbitrary<Note> = fc.record({
  pitch: fc.integer({ min: 0, max: 127 }),
  ticks: tick,
  durationTicks: fc.integer({ min: 1, max: 20_000 }),
  velocity: fc.integer({ min: 1, max: 127 }),
})

const controlChange: fc.Arbitrary<ControlChange> = fc.record({
  ticks: tick,
  controller: fc.integer({ min: 0, max: 127 }),
  value: fc.integer({ min: 0, max: 127 }),
})

const pitchBend: fc.Arbitrary<PitchBend> = fc.record({ ticks: tick, value: fc.integer({ min: -8192, max: 8191 }) })

/** A random editor track in normal form. */
export const arbitraryTrack: fc.Arbitrary<Track> = fc
  .record({
    name: ascii,
    channel: fc.integer({ min: 0, max: 15 }),
    instrument: fc.integer({ min: 0, max: 127 }),
    notes: fc.array(note, { maxLength: 40 }),
    controlChanges: fc.array(controlChange, { maxLength: 6 }),
    pitchBends: fc.array(pitchBend, { maxLength: 4 }),
  })
  .map((t) => ({
    ...t,
    isDrum: t.channel === 9,
    notes: normalizeNotes(t.notes),
    controlChanges: [...t.controlChanges].sort((a, b) => a.ticks - b.ticks || a.controller - b.controller),
    pitchBends: [...t.pitchBends].sort((a, b) => a.ticks - b.ticks),
  }))

/** A random song the editor can make. */
export const arbitrarySong: fc.Arbitrary<Song> = fc.record({
  name: ascii,
  ppq: fc.oneof(fc.constantFrom(96, 120, 192, 384, 480, 960), fc.integer({ min: 1, max: 32767 })),
  tempos: atDistinctTicks<TempoChange>(fc.record({ microsecondsPerQuarter: fc.integer({ min: 1, max: 0xffffff }) }), 6, true),
  timeSignatures: atDistinctTicks<TimeSignatureChange>(
    fc.record({ numerator: fc.integer({ min: 1, max: 32 }), denominator: fc.constantFrom(1, 2, 4, 8, 16, 32, 64) }),
    4,
    true,
  ),
  keySignatures: atDistinctTicks<KeySignatureChange>(fc.record({ fifths: fc.integer({ min: -7, max: 7 }), mode: fc.constantFrom('major' as const, 'minor' as const) }), 2, false),
  texts: fc
    .array(fc.record({ ticks: tick, kind: fc.constantFrom('text' as const, 'marker' as const, 'cuePoint' as const, 'lyrics' as const), text: ascii }), { maxLength: 3 })
    .map((texts: TextEvent[]) => [...texts].sort((a, b) => a.ticks - b.ticks)),
  tracks: fc.array(arbitraryTrack, { maxLength: 4 }),
})
