import { describe, expect, it } from 'vitest'
import { songOfBars } from './selection.ts'
import { songWith } from '#fixtures/editorSongs.ts'

describe('songOfBars', () => {
  it('keeps the notes that start in the bars, from tick 0, cut at the end, with the tempo in force', () => {
    const base = songWith([
      { pitch: 60, ticks: 0 },
      { pitch: 62, ticks: 1920, durationTicks: 4000 },
      { pitch: 64, ticks: 3000 },
      { pitch: 65, ticks: 3840 },
    ])
    const song = {
      ...base,
      tempos: [
        { ticks: 0, microsecondsPerQuarter: 500_000 },
        { ticks: 960, microsecondsPerQuarter: 600_000 },
      ],
    }
    const part = songOfBars(song, { start: 1, end: 2 })
    expect(part.tracks[0]!.notes.map((n) => [n.pitch, n.ticks, n.durationTicks])).toEqual([
      [62, 0, 1920],
      [64, 1080, 480],
    ])
    expect(part.tempos).toEqual([{ ticks: 0, microsecondsPerQuarter: 600_000 }])
    expect(part.timeSignatures).toEqual([{ ticks: 0, numerator: 4, denominator: 4 }])
  })
})
