// npm run bench:music — what a musician hears in the shipped model's continuations, against the real
// next bars, "repeat the last 4 bars" and random notes: 8 bars in, 4 written, 4 variations, per set.
// Primers: 10 excerpts each of the Nottingham, Piano-midi and MuseData validation splits (never test)
// and the real pieces of test/fixtures/pieces.ts. Every continuation runs the app's engine path
// (plan -> prime -> sample every variation in one batch -> candidate notes), in this process.
//   npm run bench:music [-- --data DIR --primers 10 --only NAME,NAME]
// Needs the validation splits (default ../shared/data; see the README's "Data" section).
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { selectBackend, describeBackend } from '../src/model/backend.ts'
import { loadStepModel } from '../src/engine/loadModel.ts'
import { runContinuation } from '../src/engine/continuation.ts'
import { defaultModelDir } from '../src/cli/paths.ts'
import { notesToFrames } from '../src/shared/music/index.ts'
import type { ContinueRequest } from '../src/shared/ipc/index.ts'
import { scoreContinuation, summarizeMusic, type MusicCounts } from '../src/engine/evaluation/scoreMusic.ts'
import { randomNotes, repeatLastBars } from '../src/engine/evaluation/baselines.ts'
import { datasetPrimers, piecePrimers, PRIMER_SETS, type MusicPrimer } from './musicPrimers.ts'
import { musicTable } from './musicTable.ts'
import { MUSIC_SETTINGS } from './musicSettings.ts'

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../shared/data') },
    primers: { type: 'string', default: '10' },
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
  ...(PRIMER_SETS.some((set) => sets.includes(set)) ? datasetPrimers(resolve(values.data), Number(values.primers), PRIMER_BARS, WRITTEN_BARS) : []).filter((primer) => sets.includes(primer.set)),
  ...(sets.includes('pieces') ? piecePrimers(PRIMER_BARS, WRITTEN_BARS) : []),
]
const groups = [...PRIMER_SETS, 'pieces']
console.log(`primers: ${groups.map((set) => `${primers.filter((p) => p.set === set).length} ${set}`).join(', ')}; ${PRIMER_BARS} bars in, ${WRITTEN_BARS} written, ${VARIATIONS} variations`)

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
  ways.forEach((frames, way) => addScore(baselines[way]![1], primer.set, scoreContinuation(frames, primer.real, primer.primer, primer.stepsPerBar)))
})

const only = values.only?.split(',')
const settings = MUSIC_SETTINGS.filter((setting) => summary.heads.includes(setting.request.head ?? summary.heads[0]!) && (!only || only.includes(setting.name)))
const measured: Array<[string, Scores]> = []
for (const setting of settings) {
  const scores: Scores = new Map()
  const settingStart = performance.now()
  for (const [index, primer] of primers.entries()) {
    const request = requestOf(primer, index, setting.request)
    const start = performance.now()
    const response = await runContinuation(model, request, {}, setting.decoding ?? {})
    const ms = performance.now() - start
    for (const candidate of response.candidates) {
      const written = notesToFrames(candidate.notes, { startTick: response.startTick, ppq: primer.ppq, stepsPerQuarter: 2 }, primer.real.length)
      addScore(scores, primer.set, scoreContinuation(written, primer.real, primer.primer, primer.stepsPerBar, ms))
    }
  }
  console.log(`${setting.name}: ${((performance.now() - settingStart) / 1000).toFixed(0)} s — ${setting.description}`)
  measured.push([setting.name, scores])
}

const columns = [...baselines, ...measured]
const overall = (scores: Scores): MusicCounts[] => PRIMER_SETS.flatMap((set) => scores.get(set) ?? [])
for (const group of [...groups, 'all validation sets']) {
  const pick = (scores: Scores): MusicCounts[] => (group === 'all validation sets' ? overall(scores) : (scores.get(group) ?? []))
  const present = columns.filter(([, scores]) => pick(scores).length > 0)
  console.log(`\n${musicTable(group, present.map(([name, scores]) => [name, summarizeMusic(pick(scores))]))}`)
}
model.dispose()
console.log(`\nbench:music took ${((performance.now() - started) / 1000).toFixed(0)} s (${primers.length} primers x ${settings.length} settings)`)
