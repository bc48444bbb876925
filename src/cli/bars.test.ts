import { describe, expect, it } from 'vitest'
import { createSong } from '../shared/music/index.ts'
import { formatBars, parseBars, selectionOf, songBarCount } from './bars.ts'

describe("--bars in the user's words", () => {
  it('counts from 1: "5-8" is bars 5 to 8, "5" is bar 5 alone', () => {
    expect(parseBars('5-8', 12)).toEqual({ first: 5, last: 8 })
    expect(selectionOf(parseBars('5-8', 12))).toEqual({ start: 4, end: 8 })
    expect(selectionOf(parseBars('5', 12))).toEqual({ start: 4, end: 5 })
    expect(formatBars(parseBars(' 12 ', 12))).toBe('12')
  })

  it('says what was typed and what is allowed', () => {
    expect(() => parseBars('0-2', 12)).toThrow('--bars 0-2: bars count from 1 (the song has 12 bars)')
    expect(() => parseBars('9-12', 8)).toThrow(/^--bars 9-12: the song has 8 bars$/)
    expect(() => parseBars('7-10', 8)).toThrow('--bars 7-10: the song has 8 bars, so the range can end at bar 8')
    expect(() => parseBars('8-5', 12)).toThrow('--bars 8-5: the first bar comes first (did you mean --bars 5-8?)')
    expect(() => parseBars('five', 12)).toThrow('--bars five: give a bar or a range of bars, counted from 1, e.g. --bars 5 or --bars 5-8')
    expect(() => parseBars('', 12)).toThrow('--bars "": give a bar')
    expect(() => parseBars('1-70', 100)).toThrow('--bars 1-70: that is 70 bars; continue at most 64 at once')
    expect(() => parseBars('1', 0)).toThrow('--bars 1: the song has no notes')
  })

  it('a song has as many bars as it takes to hold its last note', () => {
    const song = createSong(480)
    expect(songBarCount(song)).toBe(0)
    song.tracks[0]!.notes = [{ pitch: 60, ticks: 0, durationTicks: 4 * 1920, velocity: 80 }]
    expect(songBarCount(song)).toBe(4)
    song.tracks[0]!.notes.push({ pitch: 62, ticks: 4 * 1920, durationTicks: 1, velocity: 80 })
    expect(songBarCount(song)).toBe(5)
  })
})
