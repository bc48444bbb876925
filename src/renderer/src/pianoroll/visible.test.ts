import { describe, expect, it } from 'vitest'
import { firstAtOrAfter, forEachVisible } from './visible.ts'
import { notesInBox, noteAt } from './hitTest.ts'
import { RollTransform } from './transform.ts'
import { songWith } from '#fixtures/editorSongs.ts'

describe('visible notes and hit tests', () => {
  const song = songWith([
    { pitch: 60, ticks: 0, durationTicks: 4000 },
    { pitch: 62, ticks: 1000, durationTicks: 100 },
    { pitch: 64, ticks: 5000, durationTicks: 100 },
  ])
  const notes = song.tracks[0]!.notes

  it('binary search finds the first note at or after a tick', () => {
    expect(firstAtOrAfter(notes, 0)).toBe(0)
    expect(firstAtOrAfter(notes, 1)).toBe(1)
    expect(firstAtOrAfter(notes, 6000)).toBe(3)
  })

  it('finds long notes that began before the view, and skips the rest', () => {
    const seen: number[] = []
    forEachVisible(notes, { start: 2000, end: 4500, lowPitch: 21, highPitch: 108 }, (n) => seen.push(n.pitch))
    expect(seen).toEqual([60])
  })

  it('noteAt tells the body from the resize handle; notesInBox finds overlaps', () => {
    const t = new RollTransform({ pxPerTick: 0.1, keyHeight: 10, scrollTick: 0, scrollY: 0 })
    expect(noteAt(song, t, t.tickToX(500), 60)?.part).toBe('body')
    expect(noteAt(song, t, t.tickToX(3990), 60)?.part).toBe('end')
    expect(noteAt(song, t, t.tickToX(500), 61)).toBeUndefined()
    expect(notesInBox(song, 900, 5050, 64, 62).map((n) => n.pitch)).toEqual([62, 64])
  })
})
