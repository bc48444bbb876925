import { readFile } from 'node:fs/promises'
import type { Command } from '../command.ts'
import { parseOptions } from '../args.ts'
import { checkReadableFile } from '../paths.ts'
import { UsageError } from '../command.ts'
import { describeReport, importMidi, MidiImportError } from '../../shared/midi/index.ts'
import type { ImportResult } from '../../shared/midi/index.ts'
import { barAtTick, bpm, estimateKey, modelNotes } from '../../shared/music/index.ts'

// Long tempo maps (performances) would bury the rest of the text output; --json lists them all.
const MAX_LISTED = 20

/** The importer's view of a file as plain data: what `inspect --json` prints. */
export function inspection(file: string, { song, report }: ImportResult) {
  const model = modelNotes(song)
  const key = estimateKey(model)
  return {
    file,
    name: song.name,
    format: report.format,
    ppq: song.ppq,
    division: report.division,
    tracks: song.tracks.map((t) => ({
      name: t.name,
      channel: t.channel + 1,
      instrument: t.instrument,
      isDrum: t.isDrum,
      notes: t.notes.length,
    })),
    notesKept: report.notesKept,
    notesForModel: model.length,
    tempos: song.tempos.map((t) => ({
      ticks: t.ticks,
      bar: barAtTick(song, t.ticks) + 1,
      bpm: Math.round(bpm(t.microsecondsPerQuarter) * 100) / 100,
      microsecondsPerQuarter: t.microsecondsPerQuarter,
    })),
    timeSignatures: song.timeSignatures.map((t) => ({
      ticks: t.ticks,
      bar: barAtTick(song, t.ticks) + 1,
      signature: `${t.numerator}/${t.denominator}`,
    })),
    key: key && { name: key.name, transposeToC: key.transposeToC, confidence: Math.round(key.confidence * 1000) / 1000 },
    report,
    changes: describeReport(report),
  }
}

function listed<T>(items: T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, MAX_LISTED).map((item) => `  ${line(item)}`)
  if (items.length > MAX_LISTED) lines.push(`  ... and ${items.length - MAX_LISTED} more (--json lists all)`)
  return lines
}

function text(info: ReturnType<typeof inspection>): string {
  const timing =
    info.division.kind === 'ppq'
      ? `${info.ppq} ticks per quarter`
      : `SMPTE ${info.division.framesPerSecond} fps, read at ${info.ppq} ticks per quarter`
  return [
    `${info.file}: format ${info.format}, ${timing}${info.name ? `, "${info.name}"` : ''}`,
    `tracks (${info.tracks.length}):`,
    ...info.tracks.map(
      (t, i) =>
        `  ${i + 1}. ${t.name || '(unnamed)'}  channel ${t.channel}  ${t.isDrum ? 'drums' : `program ${t.instrument}`}  ${t.notes} notes`,
    ),
    `notes kept: ${info.notesKept} (${info.notesForModel} for the model)`,
    `key estimate: ${info.key ? `${info.key.name} (transpose ${info.key.transposeToC} to C)` : 'none'}`,
    `tempo changes (${info.tempos.length}):`,
    ...listed(info.tempos, (t) => `bar ${t.bar} (tick ${t.ticks}): ${t.bpm} bpm`),
    `time signatures (${info.timeSignatures.length}):`,
    ...listed(info.timeSignatures, (t) => `bar ${t.bar} (tick ${t.ticks}): ${t.signature}`),
    'import report:',
    ...(info.changes.length > 0 ? info.changes.map((line) => `  ${line}`) : ['  nothing changed or left out']),
  ].join('\n')
}

export const inspect: Command = {
  name: 'inspect',
  usage: 'neural-piano inspect FILE.mid [--json] [--sustain]',
  async run(args) {
    const { values, positionals } = parseOptions({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, sustain: { type: 'boolean' } },
    })
    const [file, ...extra] = positionals
    if (!file || extra.length > 0) throw new UsageError('inspect takes exactly one MIDI file')
    checkReadableFile(file, file)
    const bytes = await readFile(file)
    try {
      const info = inspection(file, importMidi(bytes, { sustain: values.sustain ?? false }))
      console.log(values.json ? JSON.stringify(info, null, 2) : text(info))
      return 0
    } catch (error) {
      if (!(error instanceof MidiImportError)) throw error
      console.error(`neural-piano inspect: ${file}: ${error.message}`)
      return 1
    }
  },
}
