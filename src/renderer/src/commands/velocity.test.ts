import { describe, expect, it } from 'vitest'
import { rampVelocity } from './velocity.ts'
import { notesOf, songWith } from '#fixtures/editorSongs.ts'
import { changeTrack } from './tracks.ts'

// Four quarter notes at 0, 480, 960 and 1440 (velocity 80), and a chord note on the third.
const song = songWith([{ ticks: 0 }, { ticks: 480 }, { ticks: 960 }, { ticks: 960, pitch: 64 }, { ticks: 1440 }])
const velocities = (s: typeof song) => notesOf(s).map((n) => n.velocity)

describe('drawing velocities', () => {
  it('a ramp from the first note to the last sets each note to the line at its start', () => {
    const edit = rampVelocity(song, new Set(), { tick: 0, velocity: 20 }, { tick: 1440, velocity: 110 }, 30)
    expect(velocities(edit.song)).toEqual([20, 50, 80, 80, 110])
  })

  it('drawn right to left it is the same line; notes outside it keep their velocity', () => {
    const edit = rampVelocity(song, new Set(), { tick: 1200, velocity: 127 }, { tick: 480, velocity: 1 }, 30)
    expect(velocities(edit.song)).toEqual([80, 1, 85, 85, 80])
  })

  it('a click sets the note (or chord) that starts nearest, within reach', () => {
    expect(velocities(rampVelocity(song, new Set(), { tick: 470, velocity: 30 }, { tick: 470, velocity: 30 }, 30).song)).toEqual([
      80, 30, 80, 80, 80,
    ])
    expect(velocities(rampVelocity(song, new Set(), { tick: 975, velocity: 10 }, { tick: 980, velocity: 99 }, 30).song)).toEqual([
      80, 80, 99, 99, 80,
    ])
    expect(rampVelocity(song, new Set(), { tick: 700, velocity: 30 }, { tick: 700, velocity: 30 }, 30).song).toBe(song)
  })

  it('with notes selected only they change, and they stay selected', () => {
    const ids = song.tracks[0]!.notes.map((n) => n.id)
    const selection = new Set([ids[1]!, ids[4]!])
    const edit = rampVelocity(song, selection, { tick: 0, velocity: 1 }, { tick: 1440, velocity: 127 }, 30)
    expect(velocities(edit.song)).toEqual([80, 43, 80, 80, 127])
    expect(edit.selection).toBe(selection)
  })

  it('a hidden track keeps its velocities', () => {
    const hidden = changeTrack(song, new Set(), song.tracks[0]!.id, { hidden: true }).song
    expect(rampVelocity(hidden, new Set(), { tick: 0, velocity: 1 }, { tick: 1440, velocity: 1 }, 30).song).toBe(hidden)
  })
})
