import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError, type Command } from '../command.ts'
import { buildContinueRequest, candidateTrack } from '../../shared/continuation.ts'
import { continueRequestSchema, describeInvalid } from '../../shared/ipc.ts'
import { exportMidi, importMidi } from '../../shared/midi/index.ts'
import { ModelHost } from '../../engine/host.ts'
import { modelWorkerEntry } from '../../workers/entries.ts'
import { describeBackend } from '../../model/describeBackend.ts'
import { defaultModelDir } from '../modelDir.ts'
import { numberOption } from '../options.ts'

const usage = `neural-piano continue IN.mid --bars A-B [options] -o OUT.mid

Continues bars A..B (counted from 1, inclusive) of IN.mid and writes OUT.mid: the song with one extra
track per variation ("Continuation 1", ...), placed right after bar B. Same code path as the app: the
model runs in a worker thread and the request passes the app's validation.

  --bars A-B           the bars to continue (required), e.g. 5-8
  --write N            bars to write, 1..32 (default 4)
  --variations N       candidates, 1..8, sampled together in one batch (default 1)
  --temperature T      0.05..3 (default 1)
  --seed N             same seed, same notes (default 1)
  --context N          bars before A that prime the model too (default 0)
  --max-polyphony N    at most N keys at once in what is written
  --pitch-range LO-HI  written notes within MIDI pitches LO..HI
  --model DIR          checkpoint folder (default resources/model)
  -o, --output FILE    where to write (required)`

function range(text: string | undefined, what: string): [number, number] | undefined {
  if (text === undefined) return undefined
  const match = /^(\d+)-(\d+)$/.exec(text)
  if (!match) throw new UsageError(`${what} must look like 5-8, not "${text}"`)
  return [Number(match[1]), Number(match[2])]
}


export const continueCommand: Command = {
  name: 'continue',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({
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
      },
    })
    const input = positionals[0]
    if (!input || positionals.length > 1) throw new UsageError('give exactly one input MIDI file')
    if (!values.output) throw new UsageError('give the output file with -o OUT.mid')
    const bars = range(values.bars, '--bars')
    if (!bars) throw new UsageError('give the bars to continue with --bars A-B')
    const pitches = range(values['pitch-range'], '--pitch-range')

    const { song, report } = importMidi(new Uint8Array(await readFile(input)))
    const request = buildContinueRequest(song, {
      requestId: 'cli',
      selection: { start: bars[0] - 1, end: bars[1] },
      contextBars: numberOption(values.context, 0, 'context'),
      barsToWrite: numberOption(values.write, 4, 'write'),
      temperature: numberOption(values.temperature, 1, 'temperature'),
      variations: numberOption(values.variations, 1, 'variations'),
      seed: numberOption(values.seed, 1, 'seed'),
      maxPolyphony: numberOption(values['max-polyphony'], undefined, 'max-polyphony'),
      pitchRange: pitches && { low: pitches[0], high: pitches[1] },
    })
    const parsed = continueRequestSchema.safeParse(request)
    if (!parsed.success) throw new UsageError(describeInvalid('continue', parsed.error).replace('invalid continue request: ', ''))

    const host = new ModelHost(modelWorkerEntry, { modelDir: resolve(values.model ?? defaultModelDir()) })
    try {
      const status = await host.settled()
      if (status.state !== 'ready') throw new Error(`the model is unavailable: ${status.state === 'error' ? status.error : 'still loading'}`)
      console.error(`model ${status.model?.name ?? '?'} on ${describeBackend(status.backend)}`)
      const response = await host.generate(parsed.data, (done, total) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} frames`)
      })
      if (process.stderr.isTTY) process.stderr.write('\n')
      const channel = song.tracks.find((t) => !t.isDrum)?.channel ?? 0
      const out = { ...song, tracks: [...song.tracks, ...response.candidates.map((c, i) => candidateTrack(c, `Continuation ${i + 1}`, channel))] }
      await writeFile(values.output, exportMidi(out))
      const counts = response.candidates.map((c) => c.notes.length).join(', ')
      console.log(
        `${input}: bars ${bars[0]}-${bars[1]} (${report.notesKept} notes, key ${response.key.name}) -> ${values.output}: ` +
          `${response.candidates.length} continuation track(s) of ${request.barsToWrite} bars (${counts} notes) in ${response.elapsedMs} ms`,
      )
      return 0
    } finally {
      await host.dispose()
    }
  },
}
