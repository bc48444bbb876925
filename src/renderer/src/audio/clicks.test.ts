import { describe, expect, it } from 'vitest'
import { clicksBetween, countInClicks } from './clicks.ts'
import { createSong } from '$shared/music/song.ts'

// Bar 1 in 4/4 at 120 bpm, then 3/4 from tick 1920 with the tempo halved (60 bpm) from tick 2880.
const song = {
  ...createSong(480),
  timeSignatures: [
    { ticks: 0, numerator: 4, denominator: 4 },
    { ticks: 1920, numerator: 3, denominator: 4 },
  ],
  tempos: [
    { ticks: 0, microsecondsPerQuarter: 500_000 },
    { ticks: 2880, microsecondsPerQuarter: 1_000_000 },
  ],
}

describe('metronome clicks', () => {
  it('clicks every beat, accents each downbeat, and follows the meter change', () => {
    const clicks = clicksBetween(song, 0, 1920 + 2 * 1440)
    expect(clicks.map((c) => (c.accent ? 'A' : 'b')).join('')).toBe('Abbb' + 'Abb' + 'Abb')
    expect(clicks.map((c) => c.tick)).toEqual([0, 480, 960, 1440, 1920, 2400, 2880, 3360, 3840, 4320])
  })

  it('times follow the tempo change', () => {
    const times = clicksBetween(song, 2400, 3841).map((c) => c.time)
    expect(times).toEqual([2.5, 3, 4, 5].map((t) => expect.closeTo(t, 9)))
  })

  it('starting mid-bar gives the rest of that bar without an accent, then bars as usual', () => {
    const clicks = clicksBetween(song, 500, 2400)
    expect(clicks.map((c) => `${c.tick}${c.accent ? '!' : ''}`)).toEqual(['960', '1440', '1920!'])
  })

  it('a bar cut short by a signature change ends its beats there', () => {
    const cut = {
      ...song,
      timeSignatures: [
        { ticks: 0, numerator: 4, denominator: 4 },
        { ticks: 960, numerator: 6, denominator: 8 },
      ],
    }
    const clicks = clicksBetween(cut, 0, 960 + 1440)
    expect(clicks.map((c) => `${c.tick}${c.accent ? '!' : ''}`)).toEqual(['0!', '480', '960!', '1200', '1440', '1680', '1920', '2160'])
  })
})

describe('the count-in', () => {
  it('is one bar of the meter and tempo where recording starts', () => {
    expect(countInClicks(song, 0)).toEqual({ seconds: 2, clicks: [0, 0.5, 1, 1.5].map((offset, k) => ({ offset, accent: k === 0 })) })
    const slow = countInClicks(song, 2880)
    expect(slow.seconds).toBeCloseTo(3)
    expect(slow.clicks.map((c) => c.offset)).toEqual([0, 1, 2].map((t) => expect.closeTo(t, 9)))
  })
})
