import { describe, expect, it } from 'vitest'
import { noteAt, notesInBox } from './hitTest.ts'
import { RollTransform } from './transform.ts'
import { songWith } from '#fixtures/editorSongs.ts'
import { changeTrack } from '../commands/tracks.ts'

const transform = new RollTransform({ pxPerTick: 0.1, keyHeight: 10, scrollTick: 0, scrollY: 0 })

describe('hit tests', () => {
  const song = songWith([{ pitch: 60, ticks: 0, durationTicks: 480 }])
  const hidden = changeTrack(song, new Set(), song.tracks[0]!.id, { hidden: true }).song

  it('find a shown note under the pointer and in a box', () => {
    expect(noteAt(song, transform, transform.tickToX(100), 60)?.part).toBe('body')
    expect(noteAt(song, transform, transform.tickToX(478), 60)?.part).toBe('end')
    expect(notesInBox(song, 0, 1000, 50, 70)).toHaveLength(1)
  })

  it('pass over the notes of a hidden track', () => {
    expect(noteAt(hidden, transform, transform.tickToX(100), 60)).toBeUndefined()
    expect(notesInBox(hidden, 0, 1000, 50, 70)).toEqual([])
  })
})
