import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { importMidi } from './import.ts'
import { exportMidi } from './export.ts'
import { MidiImportError } from './errors.ts'
import { arbitrarySong } from '#fixtures/arbitrarySong.ts'

// The contract: any bytes either import or throw MidiImportError, quickly.
function importsOrFailsClearly(bytes: Uint8Array): void {
  const started = performance.now()
  try {
    importMidi(bytes)
  } catch (error) {
    expect(error).toBeInstanceOf(MidiImportError)
    expect((error as Error).message.length).toBeGreaterThan(0)
  }
  expect(performance.now() - started).toBeLessThan(1000)
}

describe('importMidi on damaged input', () => {
  it('random bytes: imports or throws MidiImportError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => importsOrFailsClearly(bytes)),
      { numRuns: 200 },
    )
  })

  it('random bytes after a valid header: imports or throws MidiImportError', () => {
    const header = [0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1, 0, 2, 0, 96]
    const body = fc.uint8Array({ maxLength: 400 })
    fc.assert(
      fc.property(body, (rest) => importsOrFailsClearly(new Uint8Array([...header, ...rest]))),
      { numRuns: 200 },
    )
  })

  it('valid files with bytes flipped, cut or inserted: imports or throws MidiImportError', () => {
    const damage = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom('flip', 'cut', 'insert') })
    fc.assert(
      fc.property(arbitrarySong, fc.array(damage, { minLength: 1, maxLength: 5 }), (song, damages) => {
        let bytes = Array.from(exportMidi(song))
        for (const d of damages) {
          const at = d.at % (bytes.length + 1)
          if (d.kind === 'flip') bytes[at] = d.byte
          else if (d.kind === 'cut') bytes = bytes.slice(0, at)
          else bytes.splice(at, 0, d.byte)
        }
        importsOrFailsClearly(new Uint8Array(bytes))
      }),
      { numRuns: 150 },
    )
  })

  it('a huge declared chunk length and a runaway delta time do not hang', () => {
    const bytes = new Uint8Array([
      0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96, 0x4d, 0x54, 0x72, 0x6b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x90,
      60, 100,
    ])
    const { song, report } = importMidi(bytes)
    expect(song.tracks[0]!.notes).toHaveLength(1)
    expect(report.hangingNotesEnded).toBe(1)
  })
})
