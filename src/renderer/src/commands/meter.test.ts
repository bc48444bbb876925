import { describe, expect, it } from 'vitest'
import { setTempo, setTimeSignature } from './meter.ts'
import { songWith } from '#fixtures/editorSongs.ts'
import { barStartTick } from '$shared/music/bars.ts'

describe('tempo and time-signature commands', () => {
  it('setTempo replaces the starting tempo and adds a change later', () => {
    const song = songWith([])
    const at0 = setTempo(song, new Set(), 90).song
    expect(at0.tempos).toEqual([{ ticks: 0, microsecondsPerQuarter: 666_667 }])
    const later = setTempo(at0, new Set(), 150, 1920).song
    expect(later.tempos).toEqual([
      { ticks: 0, microsecondsPerQuarter: 666_667 },
      { ticks: 1920, microsecondsPerQuarter: 400_000 },
    ])
    expect(song.tempos).toEqual([{ ticks: 0, microsecondsPerQuarter: 500_000 }])
  })

  it('setTimeSignature at bar 0 and at a later bar; the bar grid follows', () => {
    const song = songWith([])
    const waltz = setTimeSignature(song, new Set(), 3, 4).song
    expect(waltz.timeSignatures).toEqual([{ ticks: 0, numerator: 3, denominator: 4 }])
    expect(barStartTick(waltz, 2)).toBe(2880)
    const changed = setTimeSignature(waltz, new Set(), 6, 8, 2).song
    expect(changed.timeSignatures).toEqual([
      { ticks: 0, numerator: 3, denominator: 4 },
      { ticks: 2880, numerator: 6, denominator: 8 },
    ])
    expect(barStartTick(changed, 3)).toBe(2880 + 1440)
  })
})
