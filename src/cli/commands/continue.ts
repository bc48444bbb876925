import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError, type Command } from '../command.ts'
import { buildContinueRequest } from '../../shared/continueRequest.ts'
import {
  CONTINUE_DEFAULTS,
  CONTINUE_LIMITS,
  continueRequestSchema,
  describeInvalid,
  type KeyChoice,
  type OutputHeadName,
} from '../../shared/ipc/index.ts'
import { exportMidi, importMidi, MidiImportError } from '../../shared/midi/index.ts'
import { barRangeTicks, describeGridLoss, gridLoss, HIGHEST_MIDI, LOWEST_MIDI, modelNotes, type Song } from '../../shared/music/index.ts'
import { ModelHost } from '../../engine/host.ts'
import { modelWorkerEntry } from '../../workers/entries.ts'
import { defaultDataDir } from '../../studio/dataDir.ts'
import { describeBackend } from '../../model/describeBackend.ts'
import { parseOptions } from '../args.ts'
import { formatBars, parseBars, selectionOf, songBarCount, type UserBars } from '../bars.ts'
import { continuationSongs } from '../candidates.ts'
import { describeKey } from '../../shared/describeKey.ts'
import { defaultModelDir } from '../paths.ts'
import { boundedOption, choiceOption, shown } from '../args.ts'
import { checkCheckpoint, checkOutputFiles, checkReadableFile, numberedFiles } from '../paths.ts'
import { Progress } from '../progress.ts'

const L = CONTINUE_LIMITS
const D = CONTINUE_DEFAULTS

/** What --head and --key accept, in the user's words. */
const HEADS: Record<string, OutputHeadName> = { 'chord-aware': 'nade', independent: 'independent', nade: 'nade' }
const KEYS_BY: Record<string, KeyChoice> = { auto: 'auto', model: 'model', profile: 'profile', 'as-written': 'none' }

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
  --temperature T      ${L.minTemperature}..${L.maxTemperature} (default ${D.temperature}): below safer, above wilder; the amount of notes stays
  --memory M           0..1 (default ${D.memory}): 1 stays close to the bars you chose, 0 wanders off
  --density D          notes per bar as a multiple of the chosen bars', 0..${L.maxDensity} (default ${D.density}; 0: as many as
                       the model likes)
  --head NAME          chord-aware (the default) or independent (each key on its own, as NeuralPiano)
  --seed N             same seed, same notes (default 1)
  --context N          bars before A that prime the model too, 0..${L.maxContextBars} (default 0)
Advanced:
  --range-margin N     written notes stay within the chosen bars' lowest and highest notes widened by
                       N semitones, 0..${L.maxRangeMargin} (default ${D.rangeMargin})
  --pitch-range LO-HI  written notes within MIDI pitches LO..HI (${LOWEST_MIDI}..${HIGHEST_MIDI}, e.g. 48-84)
  --max-polyphony N    at most N keys at once in what is written, 1..88
  --allow-clashes      let keys a semitone apart sound in one chord
  --key WHO            who picks the key the model hears the bars in: auto (the default: a key profile
                       proposes, the model keeps the move only if it finds the bars more likely so), model
                       (the most likely of all 12 transpositions), profile (the key profile alone) or
                       as-written
  --best-of N          draw N continuations per candidate and keep the one the model finds most likely,
                       1..${L.maxBestOf} (variations x N at most ${L.maxLanes})
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
        memory: { type: 'string' },
        density: { type: 'string' },
        head: { type: 'string' },
        'range-margin': { type: 'string' },
        'allow-clashes': { type: 'boolean' },
        key: { type: 'string' },
        'best-of': { type: 'string' },
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
    const temperature = boundedOption(values.temperature, D.temperature, 'temperature', { min: L.minTemperature, max: L.maxTemperature })
    const seed = boundedOption(values.seed, 1, 'seed', { min: 0, max: 2 ** 32 - 1, integer: true })
    const contextBars = boundedOption(values.context, 0, 'context', { min: 0, max: L.maxContextBars, integer: true })
    const maxPolyphony = boundedOption(values['max-polyphony'], undefined, 'max-polyphony', { min: 1, max: 88, integer: true })
    const pitches = pitchRange(values['pitch-range'])
    const memory = boundedOption(values.memory, D.memory, 'memory', { min: 0, max: 1 })
    const density = boundedOption(values.density, D.density, 'density', { min: 0, max: L.maxDensity })
    const rangeMargin = boundedOption(values['range-margin'], D.rangeMargin, 'range-margin', {
      min: 0,
      max: L.maxRangeMargin,
      integer: true,
    })
    const head = choiceOption(values.head, undefined, 'head', HEADS)
    const keyChoice = choiceOption(values.key, D.keyChoice, 'key', KEYS_BY)
    const bestOf = boundedOption(values['best-of'], D.bestOf, 'best-of', { min: 1, max: L.maxBestOf, integer: true })
    if (variations * bestOf > L.maxLanes)
      throw new UsageError(
        `--best-of ${bestOf} with --variations ${variations}: at most ${L.maxLanes} continuations are drawn at once; lower one of them`,
      )

    const song = await readSong(input)
    const bars = parseBars(values.bars, songBarCount(song))
    const oneFile = values['one-file'] ?? false
    const outputs = numberedFiles(values.output, oneFile ? 1 : variations)
    checkOutputFiles(outputs, '-o', values.output, { force: values.force ?? false, input })
    const modelDir = resolve(values.model ?? defaultModelDir())
    checkCheckpoint(
      modelDir,
      values.model === undefined ? `the shipped model ${modelDir} (--model DIR picks another)` : `--model ${values.model}`,
    )

    const settings = {
      contextBars,
      barsToWrite,
      temperature,
      variations,
      seed,
      maxPolyphony,
      pitchRange: pitches,
      head,
      memory,
      density,
      rangeMargin,
      avoidClashes: !values['allow-clashes'],
      keyChoice,
    }
    const built = buildContinueRequest(song, selectionOf(bars), settings, 'cli')
    if (!built.ok)
      throw new Error(`--bars ${values.bars}: ${built.problem.charAt(0).toLowerCase()}${built.problem.slice(1).replace(/\.$/, '')}`)
    if (bestOf > 1) built.request.bestOf = bestOf
    // The checks above cover the schema's bounds; this is the app's own validation, kept as the last word.
    const parsed = continueRequestSchema.safeParse(built.request)
    if (!parsed.success) throw new UsageError(describeInvalid('continue', parsed.error))

    const host = new ModelHost(modelWorkerEntry, { modelDir, cacheDir: defaultDataDir() })
    try {
      const status = await host.settled()
      if (status.state !== 'ready')
        throw new Error(`the model is unavailable: ${status.state === 'error' ? status.error : 'still loading'}`)
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
      const context =
        parsed.data.contextBars > 0
          ? ` + ${parsed.data.notes.length - heard} in ${Math.min(parsed.data.contextBars, bars.first - 1)} bars of context`
          : ''
      const counts = response.candidates.map((c) => c.notes.length).join(', ')
      const what = oneFile
        ? `${response.candidates.length} continuation track${response.candidates.length > 1 ? 's' : ''}`
        : `${outputs.length} continuation${outputs.length > 1 ? 's' : ''}`
      console.log(
        `${input}: ${bars.first === bars.last ? 'bar' : 'bars'} ${formatBars(bars)} (${heard} notes${context}) -> ${outputs.join(', ')}: ` +
          `${what} of ${barsToWrite} bar${barsToWrite > 1 ? 's' : ''} (${counts} notes) in ${response.elapsedMs} ms`,
      )
      console.log(`key: ${describeKey(response.key)}`)
      const primer = { start: parsed.data.selection.start - parsed.data.contextBars, end: parsed.data.selection.end }
      const unheard = describeGridLoss(gridLoss(parsed.data.notes, song, primer, status.model?.stepsPerQuarter ?? 2))
      if (unheard) console.log(`${unheard.charAt(0).toUpperCase()}${unheard.slice(1)}`)
      return 0
    } finally {
      await host.dispose()
    }
  },
}
