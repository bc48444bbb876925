import { describe, expect, it } from 'vitest'
import { tidyNotes } from './tidy.ts'
import type { Note } from '../../../shared/music/types.ts'

describe('tidyNotes', () => {
  it('sorts, trims same-key overlaps, drops empty notes, and keeps untouched notes as the same objects', () => {
    const a: Note = { pitch: 60, ticks: 0, durationTicks: 500, velocity: 80 }
    const b: Note = { pitch: 60, ticks: 480, durationTicks: 480, velocity: 80 }
    const c: Note = { pitch: 64, ticks: 100, durationTicks: 0, velocity: 80 }
    const d: Note = { pitch: 62, ticks: 0, durationTicks: 10, velocity: 80 }
    const replaced = new Map<Note, Note | null>()
    const result = tidyNotes([b, c, a, d], replaced)
    expect(result.map((n) => [n.pitch, n.ticks, n.durationTicks])).toEqual([
      [60, 0, 480],
      [62, 0, 10],
      [60, 480, 480],
    ])
    expect(result[1]).toBe(d)
    expect(result[2]).toBe(b)
    expect(replaced.get(a)).toBe(result[0])
  })
})
