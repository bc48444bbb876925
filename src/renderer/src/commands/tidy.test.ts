import { describe, expect, it } from 'vitest'
import { tidyNotes } from './tidy.ts'
import type { EditorNote } from '../state/editorSong.ts'

describe('tidyNotes', () => {
  it('sorts, trims same-key overlaps, drops empty notes, and keeps untouched notes as the same objects', () => {
    const a: EditorNote = { pitch: 60, ticks: 0, durationTicks: 500, velocity: 80, id: 1 }
    const b: EditorNote = { pitch: 60, ticks: 480, durationTicks: 480, velocity: 80, id: 2 }
    const c: EditorNote = { pitch: 64, ticks: 100, durationTicks: 0, velocity: 80, id: 3 }
    const d: EditorNote = { pitch: 62, ticks: 0, durationTicks: 10, velocity: 80, id: 4 }
    const result = tidyNotes([b, c, a, d])
    expect(result.map((n) => [n.pitch, n.ticks, n.durationTicks])).toEqual([
      [60, 0, 480],
      [62, 0, 10],
      [60, 480, 480],
    ])
    expect(result[1]).toBe(d)
    expect(result[2]).toBe(b)
    expect(result[0]).toEqual({ ...a, durationTicks: 480 }) // a trimmed copy of a: it keeps a's id
    expect(a.durationTicks).toBe(500)
  })
})
