import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from './inspect.ts'
import { ev, midiFile, track } from '#fixtures/midiBytes.ts'
import { captureConsole } from '#fixtures/console.ts'
import { main } from '../main.ts'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inspect-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})
afterEach(() => {
  vi.restoreAllMocks()
})

const capture = captureConsole

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}

const song = midiFile(1, 96, [
  track([ev.name(0, 'Tune'), ev.tempo(0, 500_000), ev.timeSignature(0, 3, 4), ev.tempo(288, 400_000)]),
  track([ev.name(0, 'Piano'), ev.on(0, 0, 60, 80), ev.on(0, 0, 10, 80), ev.off(96, 0, 60), ev.off(0, 0, 10), ev.on(0, 0, 64, 80)]),
  track([ev.name(0, 'Kit'), ev.on(0, 9, 36, 100), ev.off(10, 9, 36)]),
])

describe('neural-piano inspect', () => {
  it('prints tracks, notes, tempo and meter changes and the report', async () => {
    const path = await file('song.mid', song)
    const { out } = capture()
    await expect(inspect.run([path])).resolves.toBe(0)
    const printed = out.join('\n')
    expect(printed).toContain('format 1, 96 ticks per quarter, "Tune"')
    expect(printed).toContain('1. Piano  channel 1  program 0  3 notes')
    expect(printed).toContain('2. Kit  channel 10  drums  1 notes')
    expect(printed).toContain('notes kept: 4 (2 for the model)')
    expect(printed).toContain('bar 2 (tick 288): 150 bpm')
    expect(printed).toContain('bar 1 (tick 0): 3/4')
    expect(printed).toContain('1 notes that never ended were ended at their track end')
    expect(printed).toContain('1 notes outside the 88 keys')
  })

  it('--json prints the same as data', async () => {
    const path = await file('song2.mid', song)
    const { out } = capture()
    await expect(inspect.run([path, '--json'])).resolves.toBe(0)
    const info = JSON.parse(out.join('\n'))
    expect(info.tracks).toHaveLength(2)
    expect(info.tempos.map((t: { bpm: number }) => t.bpm)).toEqual([120, 150])
    expect(info.report).toMatchObject({ notesKept: 4, drumNotes: 1, hangingNotesEnded: 1, notesOutsidePiano: 1 })
  })

  it('an unreadable MIDI file prints the clear error and exits non-zero', async () => {
    const path = await file('bad.mid', new TextEncoder().encode('not midi at all'))
    const { err } = capture()
    await expect(inspect.run([path])).resolves.toBe(1)
    expect(err.join('\n')).toContain('not a MIDI file: no "MThd" header found')
  })

  it('a missing file exits non-zero; no file is a usage error', async () => {
    const { err } = capture()
    await expect(main(['inspect', join(dir, 'missing.mid')])).resolves.toBe(1)
    expect(err.join('\n')).toContain('missing.mid: no such file')
    await expect(inspect.run([])).rejects.toThrow('exactly one MIDI file')
  })
})
