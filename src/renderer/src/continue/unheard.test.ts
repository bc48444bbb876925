import { describe, expect, it } from 'vitest'
import type { ModelStatus } from '$shared/ipc/app.ts'
import { createSong } from '$shared/music/song.ts'
import type { Note, Song } from '$shared/music/types.ts'
import { unheardLine } from './unheard.ts'

const ready: ModelStatus = {
  state: 'ready',
  backend: { active: 'wasm', tfBackend: 'wasm', skipped: [] },
  model: { name: 'm', stepsPerQuarter: 2, hiddenSizes: [8], heads: ['nade'] },
}

function songOf(notes: Note[]): Song {
  const song = createSong(480)
  return { ...song, tracks: [{ ...song.tracks[0]!, notes }] }
}

// Bar 1: four sixteenths on one key in its first beat, which run together into one held note (3
// merged); bar 2: plain quarters.
const sixteenths = Array.from({ length: 4 }, (_, i) => ({ pitch: 60, ticks: i * 120, durationTicks: 120, velocity: 80 }))
const quarters = Array.from({ length: 4 }, (_, i) => ({ pitch: 64 + i, ticks: 1920 + i * 480, durationTicks: 480, velocity: 80 }))
const song = songOf([...sixteenths, ...quarters])

describe('unheardLine', () => {
  it('says how many notes of the bars Continue sends the grid merges', () => {
    expect(unheardLine(song, { start: 0, end: 2 }, 0, ready)).toBe('The model hears eighth notes: 3 of 8 notes were merged.')
  })

  it('counts the context bars too, and says nothing when every note is heard', () => {
    expect(unheardLine(song, { start: 1, end: 2 }, 0, ready)).toBeUndefined()
    expect(unheardLine(song, { start: 1, end: 2 }, 1, ready)).toMatch(/3 of 8 notes were merged/)
  })

  it('says nothing without a model or a range', () => {
    expect(unheardLine(song, undefined, 0, ready)).toBeUndefined()
    expect(unheardLine(song, { start: 0, end: 2 }, 0, { state: 'loading' })).toBeUndefined()
  })
})
