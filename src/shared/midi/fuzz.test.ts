import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportMidi } from './export.ts'
import { MidiImportError } from './errors.ts'
import { importMidi } from './import.ts'
import { arbitrarySong } from '#fixtures/arbitrarySong.ts'
import { chunk, ev, midiFile, riffWrap, smpteDivision, track, u32 } from '#fixtures/midiBytes.ts'

/**
 * The MIDI fuzz test of the hardening issue: thousands of damaged versions of valid files (bytes
 * flipped, dropped, inserted, files truncated, chunk lengths falsified) each import or fail with a
 * MidiImportError, never anything else and never slowly; and a corpus of odd but valid files, each with
 * the notes it must give.
 */
const C4 = 60
let slowest = 0

function importsOrFailsClearly(bytes: Uint8Array): void {
  const started = performance.now()
  try {
    const { song } = importMidi(bytes)
    for (const t of song.tracks) for (const n of t.notes) expect(n.durationTicks).toBeGreaterThanOrEqual(1)
  } catch (error) {
    if (!(error instanceof MidiImportError)) throw error
    expect(error.message).toMatch(/\w/)
  }
  const elapsed = performance.now() - started
  slowest = Math.max(slowest, elapsed)
  // A hang guard, not a speed target (bench:midi measures speed): the bound is 1 s per file.
  expect(elapsed).toBeLessThan(1000)
}

/** The corpus of odd but valid files, with what each must give. */
const corpus: { name: string; bytes: Uint8Array; notes: [pitch: number, ticks: number, duration: number][][] }[] = [
  {
    name: 'format 2: tracks one after another',
    bytes: midiFile(2, 96, [track([ev.on(0, 0, C4, 80), ev.off(96, 0, C4)]), track([ev.on(0, 0, 62, 80), ev.off(48, 0, 62)])]),
    notes: [[[C4, 0, 96]], [[62, 96, 48]]],
  },
  {
    name: 'SMPTE division (25 fps x 40 ticks = 1000 ticks a second, read at 480 PPQ and 120 bpm)',
    bytes: midiFile(0, smpteDivision(25, 40), [track([ev.on(0, 0, C4, 80), ev.off(500, 0, C4)])]),
    notes: [[[C4, 0, 480]]], // 0.5 s = one quarter at 120 bpm
  },
  { name: 'format 1 with zero tracks', bytes: midiFile(1, 96, []), notes: [] },
  {
    name: 'unknown chunks before and between tracks',
    bytes: new Uint8Array([
      ...midiFile(1, 96, []).slice(0, 8),
      0,
      1,
      0,
      1,
      0,
      96,
      ...chunk('XFIH', [1, 2, 3]),
      ...track([ev.on(0, 0, C4, 80), ev.off(96, 0, C4)]),
      ...chunk('XFKM', [4, 5]),
    ]),
    notes: [[[C4, 0, 96]]],
  },
  {
    name: 'running status carried across a meta event',
    bytes: midiFile(0, 96, [track([ev.on(0, 0, C4, 80), ev.name(0, 'x'), ev.running(96, C4, 0)])]),
    notes: [[[C4, 0, 96]]],
  },
  {
    name: 'zero-length notes dropped, the next one kept',
    bytes: midiFile(0, 96, [track([ev.on(0, 0, C4, 80), ev.off(0, 0, C4), ev.on(10, 0, 64, 80), ev.off(10, 0, 64)])]),
    notes: [[[64, 10, 10]]],
  },
  {
    name: 'overlapping notes of one pitch: the second strike ends the first',
    bytes: midiFile(0, 96, [track([ev.on(0, 0, C4, 80), ev.on(48, 0, C4, 90), ev.off(48, 0, C4), ev.off(48, 0, C4)])]),
    notes: [
      [
        [C4, 0, 48],
        [C4, 48, 48],
      ],
    ],
  },
  {
    name: 'RIFF-wrapped .rmi',
    bytes: riffWrap(midiFile(0, 96, [track([ev.on(0, 0, C4, 80), ev.off(96, 0, C4)])])),
    notes: [[[C4, 0, 96]]],
  },
]

function mutate(
  bytes: Uint8Array,
  edits: { kind: 'flip' | 'drop' | 'insert' | 'truncate' | 'length'; at: number; value: number; count: number }[],
): Uint8Array {
  let data = Array.from(bytes)
  for (const edit of edits) {
    const at = edit.at % (data.length + 1)
    if (edit.kind === 'flip') data[at] = edit.value
    else if (edit.kind === 'drop') data.splice(at, 1 + (edit.count % 16))
    else if (edit.kind === 'insert')
      data.splice(at, 0, ...Array.from({ length: 1 + (edit.count % 16) }, (_, i) => (edit.value + i * 37) & 0xff))
    else if (edit.kind === 'truncate') data = data.slice(0, at)
    else {
      // Falsify the declared length of a chunk (header or track): shorter, longer, or absurd.
      const starts = data.flatMap((b, i) => (b === 0x4d && data[i + 1] === 0x54 ? [i] : []))
      const start = starts[edit.count % Math.max(1, starts.length)]
      const lengths = [0, 1, edit.value, 0x7fffffff, 0xffffffff, edit.at]
      if (start !== undefined) data.splice(start + 4, 4, ...u32(lengths[edit.count % lengths.length]! >>> 0))
    }
  }
  return new Uint8Array(data)
}

const edit = fc.record({
  kind: fc.constantFrom('flip' as const, 'drop' as const, 'insert' as const, 'truncate' as const, 'length' as const),
  at: fc.nat(),
  value: fc.integer({ min: 0, max: 255 }),
  count: fc.nat(),
})

describe('importMidi under fuzzing', () => {
  it('the odd but valid corpus gives the expected notes', () => {
    for (const file of corpus) {
      const { song } = importMidi(file.bytes)
      const notes = song.tracks.filter((t) => t.notes.length > 0).map((t) => t.notes.map((n) => [n.pitch, n.ticks, n.durationTicks]))
      expect(notes, file.name).toEqual(file.notes)
    }
  })

  it('mutated corpus files (3,000): import or a clear error, never anything else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 6 }), (file, edits) =>
        importsOrFailsClearly(mutate(file.bytes, edits)),
      ),
      { numRuns: 3000 },
    )
  })

  it('mutated exports of random songs (2,000): import or a clear error, never anything else', () => {
    fc.assert(
      fc.property(arbitrarySong, fc.array(edit, { minLength: 1, maxLength: 6 }), (song, edits) =>
        importsOrFailsClearly(mutate(exportMidi(song), edits)),
      ),
      { numRuns: 2000 },
    )
    console.log(`slowest import of a fuzzed file: ${slowest.toFixed(1)} ms`)
  })
})
