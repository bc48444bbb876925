import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError, type Command } from '../command.ts'
import { buildContinueRequest } from '../../shared/continueRequest.ts'
import { CONTINUE_LIMITS, continueRequestSchema, describeInvalid } from '../../shared/ipc/index.ts'
import { exportMidi, importMidi, MidiImportError } from '../../shared/midi/index.ts'
import { barRangeTicks, HIGHEST_MIDI, LOWEST_MIDI, modelNotes, type Song } from '../../shared/music/index.ts'
import { ModelHost } from '../../engine/host.ts'
import { modelWorkerEntry } from '../../workers/entries.ts'
import { defaultDataDir } from '../../studio/dataDir.ts'
import { describeBackend } from '../../model/describeBackend.ts'
import { parseOptions } from '../args.ts'
import { formatBars, parseBars, selectionOf, songBarCount, type UserBars } from '../bars.ts'
import { continuationSongs } from '../candidates.ts'
import { defaultModelDir } from '../paths.ts'
import { boundedOption, shown } from '../args.ts'
import { checkCheckpoint, checkOutputFiles, checkReadableFile, numberedFiles } from '../paths.ts'
import { Progress } from '../progress.ts'

const L = CONTINUE_LIMITS

const usage = `neural-piano continue IN.mid --bars A-B -o OUT.mid [--write N] [--variations N] [--one-file] [--force]

Continues bars A..B of IN.mid (counted from 1 as in the app, both included; --bars A for one bar) and
writes the song plus the continuation, placed right after bar B, as a track "Continuation 1". Same code
path as the app: the model runs in a worker thread and the request passes the app's validation. Every
argument is checked before the model loads.

  --bars A-B           the bars to continue (required), e.g. 5-8, or 5 for bar 5 alone
  --write N            bars to write, 1..${L.maxBarsToWrite} (default 4)
  --variations N       candidates, 1..${L.maxVariations}, sampled together in one batch (default 1); each goes to its
                       own file, OUT-1.mid, OUT-2.mid, ...
  --one-file           all candidates in OUT.mid instead, as tracks "Continuation 1", "Continuation 2", ...
                       each on its own MIDI channel
  --temperature T      ${L.minTemperature}..${L.maxTemperature} (default 1): below 1 safer, above 1 wilder
  --seed N             same seed, same notes (default 1)
  --context N          bars before A that prime the model too, 0..${L.maxContextBars} (default 0)
  --max-polyphony N    at most N keys at once in what is written, 1..88
  --pitch-range LO-HI  written notes within MIDI pitches LO..HI (${LOWEST_MIDI}..${HIGHEST_MIDI}, e.g. 48-84)
  --model DIR          checkpoint folder (default resources/model)
  -o, --output FILE    where to write (required); an existing file is kept unless --force
  --force              overwrite existing output files (never the input)`

function pitchRange(text: string | undefined): { low: number; high: number } | undefined {
  if (text === undefined) return undefined
  const typed = `--pitch-range ${shown(text)}`
  const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text)
  const allowed = `MIDI pitches from ${LOWEST_MIDI} (A0) to ${HIGHEST_MIDI} (C8), e.g. --pitch-range 48-84`
  if (!match) throw new UsageError(`${typed}: give LO-HI, ${allowed}`)
  const [low, high] = [Number(match[1]), Number(match[2])]
  if (low < LOWEST_MIDI || high > HIGHEST_MIDI) throw new UsageError(`${typed}: give ${allowed}`)
  if (low > high) throw new UsageError(`${typed}: the low pitch comes first (did you mean --pitch-range ${high}-${low}?)`)
  return { low, high }
}

async function readSong(input: string): Promise<Song> {
  checkReadableFile(input, input)
  try {
    return importMidi(new Uint8Array(await readFile(input))).song
  } catch (error) {
    if (error instanceof MidiImportError) throw new Error(`${input}: ${error.message}`)
    throw error
  }
}

/** Notes the model hears in `bars` (sounding there, on the 88 keys, no drums). */
function notesIn(song: Song, bars: UserBars): number {
  const range = barRangeTicks(song, selectionOf(bars))
  return modelNotes(song).filter((n) => n.ticks < range.end && n.ticks + n.durationTicks > range.start).length
}

export const continueCommand: Command = {
  name: 'continue',
  usage,
  async run(args) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: {
        bars: { type: 'string' },
        write: { type: 'string' },
        variations: { type: 'string' },
        temperature: { type: 'string' },
        seed: { type: 'string' },
        context: { type: 'string' },
        'max-polyphony': { type: 'string' },
        'pitch-range': { type: 'string' },
        model: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'one-file': { type: 'boolean' },
        force: { type: 'boolean' },
      },
    })
    // The words first, then the files, then the model: nothing slow starts before all of it is right.
    const [input, ...extra] = positionals
    if (!input) throw new UsageError('give the MIDI file to continue')
    if (extra.length > 0) throw new UsageError(`one input file only, not also ${extra.map((e) => `"${e}"`).join(', ')}`)
    if (values.bars === undefined) throw new UsageError('give the bars to continue with --bars, e.g. --bars 5-8')
    if (!values.output) throw new UsageError('give the output file with -o, e.g. -o out.mid')
    const barsToWrite = boundedOption(values.write, 4, 'write', { min: 1, max: L.maxBarsToWrite, integer: true })
    const variations = boundedOption(values.variations, 1, 'variations', { min: 1, max: L.maxVariations, integer: true })
    const temperature = boundedOption(values.temperature, 1, 'temperature', { min: L.minTemperature, max: L.maxTemperature })
    const seed = boundedOption(values.seed, 1, 'seed', { min: 0, max: 2 ** 32 - 1, integer: true })
    const contextBars = boundedOption(values.context, 0, 'context', { min: 0, max: L.maxContextBars, integer: true })
    const maxPolyphony = boundedOption(values['max-polyphony'], undefined, 'max-polyphony', { min: 1, max: 88, integer: true })
    const pitches = pitchRange(values['pitch-range'])

    const song = await readSong(input)
    const bars = parseBars(values.bars, songBarCount(song))
    const oneFile = values['one-file'] ?? false
    const outputs = numberedFiles(values.output, oneFile ? 1 : variations)
    checkOutputFiles(outputs, '-o', values.output, { force: values.force ?? false, input })
    const modelDir = resolve(values.model ?? defaultModelDir())
    checkCheckpoint(modelDir, values.model === undefined ? `the shipped model ${modelDir} (--model DIR picks another)` : `--model ${values.model}`)

    const built = buildContinueRequest(song, selectionOf(bars), { contextBars, barsToWrite, temperature, variations, seed, maxPolyphony, pitchRange: pitches }, 'cli')
    if (!built.ok) throw new Error(`--bars ${values.bars}: ${built.problem.charAt(0).toLowerCase()}${built.problem.slice(1).replace(/\.$/, '')}`)
    // The checks above cover the schema's bounds; this is the app's own validation, kept as the last word.
    const parsed = continueRequestSchema.safeParse(built.request)
    if (!parsed.success) throw new UsageError(describeInvalid('continue', parsed.error))

    const host = new ModelHost(modelWorkerEntry, { modelDir, cacheDir: defaultDataDir() })
    try {
      const status = await host.settled()
      if (status.state !== 'ready') throw new Error(`the model is unavailable: ${status.state === 'error' ? status.error : 'still loading'}`)
      console.error(`model ${status.model?.name ?? '?'} on ${describeBackend(status.backend)}`)
      let progress: Progress | undefined
      const response = await host.generate(parsed.data, (done, total) => {
        if (!process.stderr.isTTY) return // a few seconds' work: a bar on a terminal, nothing in a log
        progress ??= new Progress({ label: 'writing', total, unit: 'frames' })
        progress.update(done)
      })
      progress?.finish()
      const songs = continuationSongs(song, response.candidates, oneFile)
      for (const [i, out] of songs.entries()) await writeFile(outputs[i] as string, exportMidi(out))
      const heard = notesIn(song, bars)
      const context = parsed.data.contextBars > 0 ? ` + ${parsed.data.notes.length - heard} in ${Math.min(parsed.data.contextBars, bars.first - 1)} bars of context` : ''
      const counts = response.candidates.map((c) => c.notes.length).join(', ')
      const what = oneFile ? `${response.candidates.length} continuation track${response.candidates.length > 1 ? 's' : ''}` : `${outputs.length} continuation${outputs.length > 1 ? 's' : ''}`
      console.log(
        `${input}: ${bars.first === bars.last ? 'bar' : 'bars'} ${formatBars(bars)} (${heard} notes${context}, key ${response.key.name}) -> ${outputs.join(', ')}: ` +
          `${what} of ${barsToWrite} bar${barsToWrite > 1 ? 's' : ''} (${counts} notes) in ${response.elapsedMs} ms`,
      )
      return 0
    } finally {
      await host.dispose()
    }
  },
}
