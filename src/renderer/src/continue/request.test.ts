import { describe, expect, it } from 'vitest'
import { barsToContinue } from './request.ts'
import { songWith } from '#fixtures/editorSongs.ts'

describe('the bars to continue', () => {
  const song = songWith([
    { pitch: 60, ticks: 0 },
    { pitch: 64, ticks: 1920 },
    { pitch: 67, ticks: 3840 },
    { pitch: 10, ticks: 1920 },
  ])

  it('uses the selected notes’ bars when no bars are selected', () => {
    const notes = song.tracks[0]!.notes
    expect(barsToContinue(song, undefined, new Set([notes[1]!.id, notes[2]!.id]))).toEqual({ start: 1, end: 2 })
    expect(barsToContinue(song, { start: 3, end: 4 }, new Set(notes.map((n) => n.id)))).toEqual({ start: 3, end: 4 })
    expect(barsToContinue(song, undefined, new Set())).toBeUndefined()
  })
})
