import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTinyCheckpoint } from '#fixtures/tinyCheckpoint.ts'
import { exportMidi, importMidi } from '../../shared/midi/index.ts'
import { createSong, createTrack, type Note } from '../../shared/music/index.ts'
import { cMajorPrimer } from '#fixtures/primers.ts'
import { main } from '../main.ts'
import { captureConsole } from '#fixtures/console.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

const BAR = 1920
const dir = tempFolder('np-cli-continue-')
const model = join(dir, 'tiny')
const nowhere = join(dir, 'no-model-here')
const input = join(dir, 'in.mid')
/** Eight bars: the four-bar primer twice (5 notes a bar). */
const notes: Note[] = [...cMajorPrimer(), ...cMajorPrimer().map((n) => ({ ...n, ticks: n.ticks + 4 * BAR }))]

beforeAll(async () => {
  await createTinyCheckpoint(model)
  const song = createSong(480)
  const piano = createTrack(0, 'Piano')
  piano.notes = notes
  song.tracks = [piano]
  writeFileSync(input, exportMidi(song))
})
afterEach(() => vi.restoreAllMocks())

/** Runs `continue` with a fresh capture: the exit code, what went to stdout, and to stderr. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  vi.restoreAllMocks()
  const { out, err } = captureConsole()
  const code = await main(['continue', ...args])
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const read = (path: string) => importMidi(new Uint8Array(readFileSync(path))).song
const byTime = (a: Note, b: Note) => a.ticks - b.ticks || a.pitch - b.pitch

describe('neural-piano continue', () => {
  it('writes each candidate to its own file, out-1.mid, out-2.mid, ...: the song and that continuation after the selected bars', async () => {
    const output = join(dir, 'out.mid')
    const { code, out, err } = await run(
      input,
      '--bars',
      '1-4',
      '--write',
      '2',
      '--variations',
      '3',
      '--seed',
      '7',
      '--model',
      model,
      '-o',
      output,
    )
    expect(code, err).toBe(0)
    expect(existsSync(output)).toBe(false)
    const files = [1, 2, 3].map((i) => join(dir, `out-${i}.mid`))
    for (const [i, file] of files.entries()) {
      const song = read(file)
      expect(song.tracks.map((t) => t.name)).toEqual(['Piano', `Continuation ${i + 1}`])
      expect(song.tracks[0]?.notes).toEqual([...notes].sort(byTime))
      const written = song.tracks[1]!.notes
      expect(written.length).toBeGreaterThan(0)
      for (const note of written) {
        expect(note.ticks).toBeGreaterThanOrEqual(4 * BAR)
        expect(note.ticks + note.durationTicks).toBeLessThanOrEqual(6 * BAR)
      }
    }
    // The summary counts the notes of the selected bars (20), not the song's (40).
    const [summary, key] = out.split('\n')
    expect(summary).toMatch(
      new RegExp(
        `^${input}: bars 1-4 \\(20 notes\\) -> ${files.join(', ')}: 3 continuations of 2 bars \\(\\d+, \\d+, \\d+ notes\\) in \\d+ ms$`,
      ),
    )
    // The primer is C major: a key profile names it and leaves it where it is.
    expect(key).toBe('key: C major (by a key profile and the model, not moved)')
  })

  it('--one-file puts every candidate in one file as a named track on its own channel', async () => {
    const output = join(dir, 'all.mid')
    const { code, out, err } = await run(
      input,
      '--bars',
      '7-8',
      '--context',
      '2',
      '--write',
      '1',
      '--variations',
      '3',
      '--one-file',
      '--model',
      model,
      '-o',
      output,
    )
    expect(code, err).toBe(0)
    const song = read(output)
    expect(song.tracks.map((t) => [t.name, t.channel])).toEqual([
      ['Piano', 0],
      ['Continuation 1', 1],
      ['Continuation 2', 2],
      ['Continuation 3', 3],
    ])
    for (const track of song.tracks.slice(1)) for (const note of track.notes) expect(note.ticks).toBeGreaterThanOrEqual(8 * BAR)
    expect(out).toMatch(/bars 7-8 \(10 notes \+ 10 in 2 bars of context\) -> .*all\.mid: 3 continuation tracks of 1 bar \(/)
  })

  it('one variation goes to the file named; the same seed gives the same notes', async () => {
    const notesOf = async (name: string) => {
      const { code, out } = await run(input, '--bars', '2', '--seed', '3', '--model', model, '-o', join(dir, name))
      expect(code).toBe(0)
      expect(out).toContain(`: bar 2 (5 notes)`)
      return read(join(dir, name)).tracks.at(-1)!.notes
    }
    expect(await notesOf('a.mid')).toEqual(await notesOf('b.mid'))
  })

  it('keeps an existing file unless --force, and names the numbered file in the way', async () => {
    const output = join(dir, 'kept.mid')
    writeFileSync(output, 'precious')
    const refused = await run(input, '--bars', '1-4', '--model', model, '-o', output)
    expect(refused.code).toBe(1)
    expect(refused.err).toBe(`neural-piano continue: -o ${output}: the file exists; pass --force to overwrite it`)
    expect(readFileSync(output, 'utf8')).toBe('precious')
    writeFileSync(join(dir, 'many-2.mid'), 'precious')
    const numbered = await run(input, '--bars', '1-4', '--variations', '2', '--model', model, '-o', join(dir, 'many.mid'))
    expect(numbered.err).toContain(`-o ${join(dir, 'many.mid')}: ${join(dir, 'many-2.mid')} exists; pass --force to overwrite it`)
    expect(existsSync(join(dir, 'many-1.mid'))).toBe(false)
    const forced = await run(input, '--bars', '1-4', '--model', model, '-o', output, '--force')
    expect(forced.code, forced.err).toBe(0)
    expect(read(output).tracks.map((t) => t.name)).toEqual(['Piano', 'Continuation 1'])
  })

  it('never overwrites the input, not even with --force', async () => {
    const before = readFileSync(input)
    for (const force of [[], ['--force']]) {
      const { code, err } = await run(input, '--bars', '1-4', '--model', model, '-o', join(dir, '.', 'in.mid'), ...force)
      expect(code).toBe(1)
      expect(err).toContain('is the input file; write to another file')
    }
    expect(readFileSync(input)).toEqual(before)
  })

  // Every case runs with a model folder that does not exist: each message comes before the model would load.
  const usageErrors: [string[], string][] = [
    [['--bars', '0-2'], '--bars 0-2: bars count from 1 (the song has 8 bars)'],
    [['--bars', '9-12'], '--bars 9-12: the song has 8 bars'],
    [['--bars', '7-10'], '--bars 7-10: the song has 8 bars, so the range can end at bar 8'],
    [['--bars', '4-2'], '--bars 4-2: the first bar comes first (did you mean --bars 2-4?)'],
    [['--bars', 'five'], '--bars five: give a bar or a range of bars, counted from 1, e.g. --bars 5 or --bars 5-8'],
    [['--bars', '1-4', '--write', '40'], '--write 40: give a whole number from 1 to 32'],
    [['--bars', '1-4', '--variations', '9'], '--variations 9: give a whole number from 1 to 8'],
    [['--bars', '1-4', '--temperature', 'hot'], '--temperature hot: give a number from 0.05 to 3'],
    [['--bars', '1-4', '--seed', '1.5'], '--seed 1.5: give a whole number from 0 to 4294967295'],
    [['--bars', '1-4', '--context', '17'], '--context 17: give a whole number from 0 to 16'],
    [['--bars', '1-4', '--max-polyphony', '0'], '--max-polyphony 0: give a whole number from 1 to 88'],
    [
      ['--bars', '1-4', '--pitch-range', '10-200'],
      '--pitch-range 10-200: give MIDI pitches from 21 (A0) to 108 (C8), e.g. --pitch-range 48-84',
    ],
    [['--bars', '1-4', '--pitch-range', '84-48'], '--pitch-range 84-48: the low pitch comes first (did you mean --pitch-range 48-84?)'],
    [['--bars', '1-4', '--temperture', '2'], 'unknown option --temperture (did you mean --temperature?)'],
    [['--bars', '1-4', '--one-fil'], 'unknown option --one-fil (did you mean --one-file?)'],
    [['--bars', '1-4', '--seed'], '--seed needs a value'],
    [['--write', '2'], 'give the bars to continue with --bars, e.g. --bars 5-8'],
  ]
  for (const [args, message] of usageErrors) {
    it(`${args.join(' ')}: "${message}", one line of usage, exit code 2`, async () => {
      const { code, err } = await run(input, '-o', join(dir, 'x.mid'), '--model', nowhere, ...args)
      expect(code).toBe(2)
      expect(err).toBe(
        `neural-piano continue: ${message}\nusage: neural-piano continue IN.mid --bars A-B -o OUT.mid [--write N] [--variations N] [--one-file] [--force] (neural-piano help continue for all options)`,
      )
    })
  }

  it('takes the decoding options in words and says which key the model heard and what it could not hear', async () => {
    const output = join(dir, 'decoded.mid')
    const { code, out, err } = await run(
      input,
      '--bars',
      '1-2',
      '--write',
      '1',
      '--memory',
      '1',
      '--density',
      '0.5',
      '--head',
      'independent',
      '--range-margin',
      '0',
      '--allow-clashes',
      '--key',
      'model',
      '--best-of',
      '2',
      '--variations',
      '2',
      '--model',
      model,
      '-o',
      output,
    )
    expect(code, err).toBe(0)
    expect(out).toMatch(/\nkey: \w+ (major|minor) \(by the model, (not moved|moved (up|down) \d semitones?)\)\n/)
    // Bars 1 and 2 both hold middle C for the whole bar: the model hears one long note.
    expect(out).toMatch(/\nThe model hears eighth notes: 1 of 10 notes was merged$/)
    const primer = read(join(dir, 'decoded-1.mid')).tracks[0]!.notes.filter((n) => n.ticks < 2 * BAR)
    const [low, high] = [Math.min(...primer.map((n) => n.pitch)), Math.max(...primer.map((n) => n.pitch))]
    for (const note of read(join(dir, 'decoded-1.mid')).tracks[1]!.notes)
      expect([note.pitch >= low, note.pitch <= high]).toEqual([true, true])
  })

  it('says when the grid merges notes of the chosen bars', async () => {
    const fast = join(dir, 'fast.mid')
    const song = createSong(480)
    const piano = createTrack(0, 'Piano')
    piano.notes = Array.from({ length: 16 }, (_, i) => ({ pitch: 60 + (i % 2), ticks: i * 120, durationTicks: 120, velocity: 80 }))
    song.tracks = [piano]
    writeFileSync(fast, exportMidi(song))
    const { code, out } = await run(fast, '--bars', '1', '--write', '1', '--model', model, '-o', join(dir, 'fast-out.mid'))
    expect(code).toBe(0)
    expect(out).toMatch(/\nThe model hears eighth notes: \d+ of 16 notes were merged$/)
  })

  it("refuses decoding options out of bounds or misspelt, in the user's words", async () => {
    const output = join(dir, 'never.mid')
    expect((await run(input, '--bars', '1', '--memory', '2', '--model', model, '-o', output)).err).toContain(
      '--memory 2: give a number from 0 to 1',
    )
    expect((await run(input, '--bars', '1', '--head', 'chord-awre', '--model', model, '-o', output)).err).toContain(
      '--head chord-awre: give chord-aware, independent or nade (did you mean chord-aware?)',
    )
    expect((await run(input, '--bars', '1', '--key', 'written', '--model', model, '-o', output)).err).toContain(
      '--key written: give auto, model, profile or as-written',
    )
    expect((await run(input, '--bars', '1', '--variations', '8', '--best-of', '4', '--model', model, '-o', output)).err).toContain(
      'at most 16 continuations are drawn at once',
    )
  })

  it('no input, or two, or no -o: usage errors', async () => {
    expect((await run('--bars', '1-4', '-o', join(dir, 'x.mid'))).err).toContain('give the MIDI file to continue')
    expect((await run(input, input, '--bars', '1-4', '-o', join(dir, 'x.mid'))).err).toContain(`one input file only, not also "${input}"`)
    const noOutput = await run(input, '--bars', '1-4')
    expect([noOutput.code, noOutput.err.split('\n')[0]]).toEqual([
      2,
      'neural-piano continue: give the output file with -o, e.g. -o out.mid',
    ])
  })

  it('a missing or unreadable input, a missing output folder or model: clear messages, exit code 1, before the model loads', async () => {
    const notMidi = join(dir, 'notes.txt')
    writeFileSync(notMidi, 'not a MIDI file')
    const cases: [string[], string][] = [
      [[join(dir, 'nope.mid'), '--bars', '1', '-o', join(dir, 'x.mid'), '--model', nowhere], `${join(dir, 'nope.mid')}: no such file`],
      [[dir, '--bars', '1', '-o', join(dir, 'x.mid'), '--model', nowhere], `${dir}: that is a folder; give a file`],
      [[notMidi, '--bars', '1', '-o', join(dir, 'x.mid'), '--model', nowhere], `${notMidi}: not a MIDI file`],
      [
        [input, '--bars', '1', '-o', join(dir, 'no', 'x.mid'), '--model', nowhere],
        `-o ${join(dir, 'no', 'x.mid')}: the folder ${join(dir, 'no')} does not exist`,
      ],
      [[input, '--bars', '1', '-o', join(dir, 'x.mid'), '--model', nowhere], `--model ${nowhere}: no such folder`],
      [[input, '--bars', '1', '-o', join(dir, 'x.mid'), '--model', dir], `--model ${dir}: not a checkpoint folder (no config.json`],
    ]
    for (const [args, message] of cases) {
      const { code, err } = await run(...args)
      expect(code, err).toBe(1)
      expect(err).toContain(`neural-piano continue: ${message}`)
      expect(err).not.toContain('usage:')
      expect(err).not.toContain('the model is unavailable')
    }
  })
})
