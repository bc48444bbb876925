import { describe, expect, it } from 'vitest'
import { formatPosition } from './position.ts'
import { createSong } from '$shared/music/song.ts'

describe('bar.beat.tick positions', () => {
  it('counts bars and beats from 1 and pads the ticks to the PPQ', () => {
    const song = createSong(480)
    expect(formatPosition(song, 0)).toBe('1.1.000')
    expect(formatPosition(song, 1920 + 480 * 2 + 10)).toBe('2.3.010')
    expect(formatPosition(song, 1919.7)).toBe('1.4.479') // a playhead between ticks shows the tick it is in
    expect(formatPosition(createSong(96), 95)).toBe('1.1.95')
  })

  it('follows meter changes: 3/4 bars, then 6/8 counted in eighths', () => {
    const song = createSong(480)
    song.timeSignatures = [
      { ticks: 0, numerator: 3, denominator: 4 },
      { ticks: 2880, numerator: 6, denominator: 8 },
    ]
    expect(formatPosition(song, 1440)).toBe('2.1.000')
    expect(formatPosition(song, 2880 - 1)).toBe('2.3.479')
    expect(formatPosition(song, 2880)).toBe('3.1.000')
    expect(formatPosition(song, 2880 + 240 * 5 + 7)).toBe('3.6.007')
    expect(formatPosition(song, 2880 + 1440)).toBe('4.1.000')
  })

  it('a change in the middle of a bar starts a new one, as the ruler draws it', () => {
    const song = createSong(480)
    song.timeSignatures = [
      { ticks: 0, numerator: 4, denominator: 4 },
      { ticks: 960, numerator: 2, denominator: 4 },
    ]
    expect(formatPosition(song, 959)).toBe('1.2.479')
    expect(formatPosition(song, 960)).toBe('2.1.000')
    expect(formatPosition(song, 960 + 960 + 480)).toBe('3.2.000')
  })

  it('never shows a place before the start', () => {
    expect(formatPosition(createSong(480), -50)).toBe('1.1.000')
  })
})
