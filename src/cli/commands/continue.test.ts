import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTinyCheckpoint } from '../../../test/helpers/tinyCheckpoint.ts'
import { exportMidi, importMidi } from '../../shared/midi/index.ts'
import { createSong, createTrack } from '../../shared/music/index.ts'
import { cMajorPrimer } from '../../engine/testing.ts'
import { main } from '../main.ts'
import { captureConsole } from '../testing.ts'
import { tempFolder } from '../../main/files/testing.ts'

const dir = tempFolder('np-cli-continue-')
const model = join(dir, 'tiny')
const input = join(dir, 'in.mid')

beforeAll(async () => {
  await createTinyCheckpoint(model)
  const song = createSong(480)
  const piano = createTrack(0, 'Piano')
  piano.notes = cMajorPrimer()
  song.tracks = [piano]
  writeFileSync(input, exportMidi(song))
})
afterEach(() => vi.restoreAllMocks())

/** Silences the CLI; returns what it printed so far, stdout and stderr together. */
function quiet(): () => string {
  const { out, err } = captureConsole()
  return () => [...out, ...err].join('\n')
}

describe('neural-piano continue', () => {
  it('writes the song plus one track per variation, placed after the selected bars', async () => {
    const printed = quiet()
    const output = join(dir, 'out.mid')
    const code = await main(['continue', input, '--bars', '1-4', '--write', '2', '--variations', '3', '--seed', '7', '--model', model, '-o', output])
    expect(code, printed()).toBe(0)
    const { song } = importMidi(new Uint8Array(readFileSync(output)))
    const continuations = song.tracks.filter((t) => t.name.startsWith('Continuation'))
    expect(continuations.map((t) => t.name)).toEqual(['Continuation 1', 'Continuation 2', 'Continuation 3'])
    const byTime = (a: { ticks: number; pitch: number }, b: { ticks: number; pitch: number }) => a.ticks - b.ticks || a.pitch - b.pitch
    expect(song.tracks.find((t) => t.name === 'Piano')?.notes).toEqual(cMajorPrimer().sort(byTime))
    for (const track of continuations) {
      expect(track.notes.length).toBeGreaterThan(0)
      for (const note of track.notes) {
        expect(note.ticks).toBeGreaterThanOrEqual(4 * 1920)
        expect(note.ticks + note.durationTicks).toBeLessThanOrEqual(6 * 1920)
      }
    }
  })

  it('gives the same notes for the same seed', async () => {
    quiet()
    const run = async (name: string) => {
      await main(['continue', input, '--bars', '2-4', '--seed', '3', '--model', model, '-o', join(dir, name)])
      return importMidi(new Uint8Array(readFileSync(join(dir, name)))).song.tracks.at(-1)!.notes
    }
    expect(await run('a.mid')).toEqual(await run('b.mid'))
  })

  it('refuses bad arguments with the usage, and a missing model with the reason', async () => {
    const printed = quiet()
    await expect(main(['continue', input, '--bars', 'five', '-o', join(dir, 'x.mid')])).resolves.toBe(2)
    await expect(main(['continue', input, '--bars', '1-4', '--variations', '9', '--model', model, '-o', join(dir, 'x.mid')])).resolves.toBe(2)
    expect(printed()).toContain('variations')
    await expect(main(['continue', input, '--bars', '1-4', '--model', join(dir, 'nowhere'), '-o', join(dir, 'x.mid')])).resolves.toBe(1)
    expect(printed()).toContain('the model is unavailable: no model folder at')
  })
})
