// npm run bench:music — what a musician hears in the shipped model's continuations, against the real
// next bars, "repeat the last 4 bars" and random notes: 8 bars in, 4 written, 4 variations, per set.
// Primers: 20 excerpts each of the Nottingham and MuseData validation splits and all 12 pieces of
// Piano-midi's (never test), and the real pieces of test/fixtures/pieces.ts. Every continuation runs the
// app's engine path (key, plan, prime, every variation drawn in one batch, candidate notes), in process.
// Prints, per set, the baselines beside the model before and with the defaults; what each part of the
// decoding adds; a temperature sweep; the key each key choice heard; and issue 14's targets, met or not.
//   npm run bench:music [-- --data DIR --primers 20 --sets nottingham,pianomidi,musedata,pieces --only "NAME,NAME"]
// Needs the validation splits (default ../shared/data; see the README's "Data" section). 10 primers
// per set run in half the time, but two disjoint samples of 10 differed by up to 0.03 in F1 and cosine.
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { selectBackend, describeBackend } from '../src/model/backend.ts'
import { loadStepModel } from '../src/engine/loadModel.ts'
import { runContinuation } from '../src/engine/continuation.ts'
import { defaultModelDir } from '../src/cli/paths.ts'
import { notesToFrames } from '../src/shared/music/index.ts'
import type { ContinueRequest, KeyUsed } from '../src/shared/ipc/index.ts'
import { scoreContinuation, summarizeMusic, type MusicCounts, type MusicSummary } from '../src/engine/evaluation/scoreMusic.ts'
import { randomNotes, repeatLastBars } from '../src/engine/evaluation/baselines.ts'
import { datasetPrimers, piecePrimers, PRIMER_SETS, type MusicPrimer } from './musicPrimers.ts'
import { musicTable } from './musicTable.ts'
import { MUSIC_SETTINGS, type MusicSetting } from './musicSettings.ts'
import { targetLines, type SetFigures } from './musicTargets.ts'
import { describeKey } from '../src/shared/describeKey.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../shared/data') },
    primers: { type: 'string', default: '20' },
    only: { type: 'string' },
    sets: { type: 'string', default: [...PRIMER_SETS, 'pieces'].join(',') },
  },
})
const PRIMER_BARS = 8
const WRITTEN_BARS = 4
const VARIATIONS = 4

const started = performance.now()
const backend = await selectBackend()
const { model, summary } = await loadStepModel(resolve(defaultModelDir()))
console.log(`model: ${summary.name} (${summary.hiddenSizes.join('x')}, heads ${summary.heads.join(', ')}) on ${describeBackend(backend)}`)

const sets = values.sets.split(',')
const primers = [
  ...(PRIMER_SETS.some((set) => sets.includes(set))
    ? datasetPrimers(resolve(values.data), Number(values.primers), PRIMER_BARS, WRITTEN_BARS)
    : []
  ).filter((primer) => sets.includes(primer.set)),
  ...(sets.includes('pieces') ? piecePrimers(PRIMER_BARS, WRITTEN_BARS) : []),
]
const groups = [...PRIMER_SETS, 'pieces']
console.log(
  `primers: ${groups.map((set) => `${primers.filter((p) => p.set === set).length} ${set}`).join(', ')}; ${PRIMER_BARS} bars in, ${WRITTEN_BARS} written, ${VARIATIONS} variations`,
)

function requestOf(primer: MusicPrimer, index: number, overrides: Partial<ContinueRequest>): ContinueRequest {
  return {
    requestId: `music-${index}`,
    ppq: primer.ppq,
    tempos: [{ ticks: 0, microsecondsPerQuarter: 500_000 }],
    timeSignatures: primer.timeSignatures,
    notes: primer.notes,
    selection: { start: 0, end: primer.primerBars },
    contextBars: 0,
    barsToWrite: WRITTEN_BARS,
    temperature: 1,
    variations: VARIATIONS,
    seed: 1000 + index,
    ...overrides,
  }
}

/** Counts per primer set of one way of continuing. */
type Scores = Map<string, MusicCounts[]>

function addScore(scores: Scores, set: string, counts: MusicCounts): void {
  scores.set(set, [...(scores.get(set) ?? []), counts])
}

const baselines: Array<[string, Scores]> = [
  ['real next bars', new Map()],
  ['repeat last 4 bars', new Map()],
  ['random', new Map()],
]
primers.forEach((primer, index) => {
  const steps = primer.real.length
  const ways = [primer.real, repeatLastBars(primer.primer, steps), randomNotes(primer.primer, steps, 1000 + index)]
  ways.forEach((frames, way) =>
    addScore(baselines[way]![1], primer.set, scoreContinuation(frames, primer.real, primer.primer, primer.stepsPerBar)),
  )
})

// Names hold ', ' ("chord-aware, defaults"): a comma followed by a space stays in the name.
const only = values.only?.split(/,(?! )/)
const settings = MUSIC_SETTINGS.filter(
  (setting) => summary.heads.includes(setting.request.head ?? summary.heads[0]!) && (!only || only.includes(setting.name)),
)
const measured = new Map<string, Scores>()
/** The key each setting heard each primer in. */
const keys = new Map<string, Array<{ primer: MusicPrimer; key: KeyUsed }>>()
for (const setting of settings) {
  const scores: Scores = new Map()
  const heard: Array<{ primer: MusicPrimer; key: KeyUsed }> = []
  const settingStart = performance.now()
  for (const [index, primer] of primers.entries()) {
    const request = requestOf(primer, index, setting.request)
    const start = performance.now()
    const response = await runContinuation(model, request, {}, setting.decoding ?? {})
    const ms = performance.now() - start
    heard.push({ primer, key: response.key })
    for (const candidate of response.candidates) {
      const written = notesToFrames(
        candidate.notes,
        { startTick: response.startTick, ppq: primer.ppq, stepsPerQuarter: 2 },
        primer.real.length,
      )
      addScore(scores, primer.set, scoreContinuation(written, primer.real, primer.primer, primer.stepsPerBar, ms))
    }
  }
  console.log(`${setting.name}: ${((performance.now() - settingStart) / 1000).toFixed(0)} s`)
  measured.set(setting.name, scores)
  keys.set(setting.name, heard)
}

const ALL = 'all validation sets'
const pick = (scores: Scores, group: string): MusicCounts[] =>
  group === ALL ? PRIMER_SETS.flatMap((set) => scores.get(set) ?? []) : (scores.get(group) ?? [])
const summaryOf = (scores: Scores, group: string): MusicSummary => summarizeMusic(pick(scores, group))
const columnsOf = (table: MusicSetting['table']): Array<[string, Scores]> =>
  settings.filter((s) => s.table === table).map((s) => [s.name, measured.get(s.name)!])
const present = (columns: Array<[string, Scores]>, group: string): Array<[string, MusicSummary]> =>
  columns.filter(([, scores]) => pick(scores, group).length > 0).map(([name, scores]) => [name, summaryOf(scores, group)])

console.log(`\n## Beside the real next bars, repeating and random notes`)
for (const group of [...groups, ALL]) console.log(`\n${musicTable(group, present([...baselines, ...columnsOf('main')], group))}`)
const defaults = settings.find((s) => s.name === 'chord-aware, defaults')
const base: Array<[string, Scores]> = defaults ? [[defaults.name, measured.get(defaults.name)!]] : []
console.log(`\n## What each part adds (chord-aware head; each column turns one part off or changes the key choice)`)
for (const group of [ALL, 'pieces']) console.log(`\n${musicTable(group, present([...base, ...columnsOf('parts')], group))}`)
console.log(`\n## Temperature (chord-aware head, defaults otherwise)`)
console.log(`\n${musicTable(ALL, present([...base, ...columnsOf('temperature')], ALL))}`)

console.log(`\n## The key the model heard`)
for (const [name, heard] of keys) {
  if (name !== defaults?.name && !name.startsWith('key')) continue
  const validation = heard.filter(({ primer }) => primer.set !== 'pieces')
  const kept = validation.filter(({ key }) => key.transpose === 0).length
  const pieces = heard
    .filter(({ primer }) => primer.set === 'pieces')
    .map(({ primer, key }) => `${primer.label.split(',')[0]} ${describeKey(key)}`)
  console.log(`${name}: ${kept} of ${validation.length} validation primers (all in C) left where they are; ${pieces.join('; ')}`)
}

console.log(`\n## Targets`)
// Only the sets this run continued (--sets may leave some out).
const figuresOf = (name: string): SetFigures[] =>
  [...PRIMER_SETS.filter((set) => primers.some((primer) => primer.set === set)), ALL].map((set) => ({
    set,
    real: summaryOf(baselines[0]![1], set),
    repeat: summaryOf(baselines[1]![1], set),
    measured: summaryOf(measured.get(name)!, set),
  }))
for (const name of ['chord-aware, defaults', 'independent, defaults'])
  if (measured.has(name)) for (const line of targetLines(name, figuresOf(name))) console.log(line)
for (const [name, scores] of [...base, ...columnsOf('temperature')]) {
  const all = summaryOf(scores, ALL)
  const ok =
    all.densityRatio >= 0.9 && all.densityRatio <= 1.1 && all.heldThroughoutShare <= summaryOf(baselines[0]![1], ALL).heldThroughoutShare
  console.log(
    `${ok ? 'met    ' : 'NOT met'} ${name}: density ratio ${all.densityRatio.toFixed(2)} (0.9-1.1), notes held through all ${WRITTEN_BARS} bars ${(100 * all.heldThroughoutShare).toFixed(1)}% (real ${(100 * summaryOf(baselines[0]![1], ALL).heldThroughoutShare).toFixed(1)}%)`,
  )
}
model.dispose()
console.log(
  `\nbench:music took ${((performance.now() - started) / 1000).toFixed(0)} s (${primers.length} primers x ${settings.length} settings, ${VARIATIONS} variations each)`,
)
