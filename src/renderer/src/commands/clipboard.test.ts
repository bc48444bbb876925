import { describe, expect, it } from 'vitest'
import { copyNotes, duplicateNotes, pasteNotes } from './clipboard.ts'
import { notesOf, songWith } from '#fixtures/editorSongs.ts'

describe('clipboard commands', () => {
  const song = songWith([
    { pitch: 60, ticks: 480, durationTicks: 240 },
    { pitch: 64, ticks: 720, durationTicks: 240 },
  ])
  const both = new Set(song.tracks[0]!.notes.map((n) => n.id))

  it('copy keeps relative timing; paste puts it at the tick and selects the pasted notes', () => {
    const clip = copyNotes(song, both)
    expect(clip.length).toBe(480)
    const edit = pasteNotes(song, clip, 1920)
    expect(notesOf(edit.song).map((n) => [n.pitch, n.ticks])).toEqual([
      [60, 480],
      [64, 720],
      [60, 1920],
      [64, 2160],
    ])
    expect(edit.song.tracks[0]!.notes.filter((n) => edit.selection.has(n.id)).map((n) => n.ticks)).toEqual([1920, 2160])
    expect(notesOf(song)).toHaveLength(2)
  })

  it('duplicate places the copy right after the selection, rounded up to the grid', () => {
    const edit = duplicateNotes(song, both, 480)
    expect(notesOf(edit.song).map((n) => n.ticks)).toEqual([480, 720, 960, 1200])
    expect(duplicateNotes(song, new Set(), 480).song).toBe(song)
  })

  it('duplicate keeps each copy in the track of its note', () => {
    const two = {
      ...song,
      tracks: [song.tracks[0]!, { ...song.tracks[0]!, id: -1, notes: [{ ...song.tracks[0]!.notes[0]!, id: -2, pitch: 40 }] }],
    }
    const edit = duplicateNotes(two, new Set([-2, song.tracks[0]!.notes[1]!.id]), 480)
    expect(edit.song.tracks.map((t) => t.notes.map((n) => [n.pitch, n.ticks]))).toEqual([
      [
        [60, 480],
        [64, 720],
        [64, 1200],
      ],
      [
        [40, 480],
        [40, 960],
      ],
    ])
    expect(edit.selection.size).toBe(2)
  })
})
