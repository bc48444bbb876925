// npm run bench:midi — import and export time for a large generated song (issue 3 target: under 1 s each).
// Prints figures measured in this run. @tonejs/midi is timed on the same file for scale: its parser
// (several runs) and its writer (once: it is quadratic, the measured reason we write files ourselves).
import { exportMidi, importMidi } from '../src/shared/midi/index.ts'
import { Midi } from '#fixtures/tonejsReader.ts'
import { createTrack, normalizeNotes } from '../src/shared/music/index.ts'
import type { Note, Song } from '../src/shared/music/index.ts'

const NOTES = 64_000
const TRACKS = 4
const TEMPO_CHANGES = 2_000
const PPQ = 480
const RUNS = 5

// A deterministic generator, so every run measures the same song.
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function generateSong(): Song {
  const next = random(42)
  const tracks = Array.from({ length: TRACKS }, (_, i) => {
    const notes: Note[] = []
    for (let n = 0; n < NOTES / TRACKS; n++) {
      notes.push({
        pitch: 21 + Math.floor(next() * 88),
        ticks: n * 120 + Math.floor(next() * 60),
        durationTicks: 30 + Math.floor(next() * 400),
        velocity: 1 + Math.floor(next() * 127),
      })
    }
    return { ...createTrack(i === TRACKS - 1 ? 9 : i, `track ${i + 1}`), notes: normalizeNotes(notes) }
  })
  const span = (NOTES / TRACKS) * 120
  return {
    name: 'bench',
    ppq: PPQ,
    tempos: Array.from({ length: TEMPO_CHANGES }, (_, i) => ({
      ticks: Math.floor((i * span) / TEMPO_CHANGES),
      microsecondsPerQuarter: 300_000 + Math.floor(next() * 700_000),
    })),
    timeSignatures: [
      { ticks: 0, numerator: 4, denominator: 4 },
      { ticks: PPQ * 4 * 100, numerator: 7, denominator: 8 },
    ],
    keySignatures: [],
    texts: [],
    tracks,
  }
}

function time<T>(run: () => T): { result: T; ms: number[] } {
  const ms: number[] = []
  let result = run()
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    result = run()
    ms.push(performance.now() - started)
  }
  return { result, ms }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`

const song = generateSong()
const noteCount = song.tracks.reduce((sum, t) => sum + t.notes.length, 0)
const exported = time(() => exportMidi(song))
const imported = time(() => importMidi(exported.result))
const tonejs = time(() => new Midi(exported.result))
const tonejsMidi = new Midi(exported.result)
const tonejsWriteStarted = performance.now()
tonejsMidi.toArray()
const tonejsWriteMs = performance.now() - tonejsWriteStarted
const same = JSON.stringify(imported.result.song) === JSON.stringify(song)

console.log(
  `song: ${noteCount} notes in ${TRACKS} tracks, ${song.tempos.length} tempo changes, ${(exported.result.length / 1024).toFixed(0)} KiB as MIDI`,
)
console.log(
  `export (exportMidi):               median ${fmt(median(exported.ms))}, worst ${fmt(Math.max(...exported.ms))} over ${RUNS} runs after a warm-up`,
)
console.log(`import (importMidi):               median ${fmt(median(imported.ms))}, worst ${fmt(Math.max(...imported.ms))}`)
console.log(
  `@tonejs/midi parse, for scale:     median ${fmt(median(tonejs.ms))} (importMidi / it = ${(median(imported.ms) / median(tonejs.ms)).toFixed(2)})`,
)
console.log(
  `@tonejs/midi toArray, for scale:   ${fmt(tonejsWriteMs)}, one run (exportMidi / it = ${(median(exported.ms) / tonejsWriteMs).toFixed(3)})`,
)
console.log(
  `round trip exact: ${same ? 'yes' : 'NO'}; target under 1000 ms each: ${Math.max(median(exported.ms), median(imported.ms)) < 1000 ? 'met' : 'MISSED'}`,
)
