import { describe, expect, it } from 'vitest'
import { recordTake } from './record.ts'
import { notesWithIds } from '../state/editorSong.ts'
import { newTrack } from '../tracks/newTrack.ts'
import { notesOf, songWith } from '#fixtures/editorSongs.ts'

const played = [
  { pitch: 67, ticks: 1920, durationTicks: 480, velocity: 90 },
  { pitch: 69, ticks: 2400, durationTicks: 480, velocity: 70 },
]
const take = { notes: played, startTick: 1920, endTick: 3840 }
const existing = () =>
  songWith([
    { pitch: 60, ticks: 0 },
    { pitch: 62, ticks: 1920 },
    { pitch: 64, ticks: 3360 },
    { pitch: 65, ticks: 3840 },
  ])

describe('recordTake', () => {
  it('overdub adds the take to what is there and selects exactly the new notes', () => {
    const song = existing()
    const edit = recordTake(song, take, 'overdub')
    expect(notesOf(edit.song).map((n) => n.pitch)).toEqual([60, 62, 67, 69, 64, 65])
    expect(notesWithIds(edit.song, edit.selection).map((n) => n.pitch)).toEqual([67, 69])
    expect(notesOf(song)).toHaveLength(4) // the old song is left as it was, for undo
  })

  it('replace removes the notes that start where the take ran, and only those', () => {
    const edit = recordTake(existing(), take, 'replace')
    expect(notesOf(edit.song).map((n) => [n.pitch, n.ticks])).toEqual([
      [60, 0],
      [67, 1920],
      [69, 2400],
      [65, 3840],
    ])
  })

  it('the take keeps its velocities and lengths; new notes get new ids', () => {
    const song = existing()
    const edit = recordTake(song, take, 'overdub')
    const added = notesWithIds(edit.song, edit.selection)
    expect(added.map(({ pitch, ticks, durationTicks, velocity }) => ({ pitch, ticks, durationTicks, velocity }))).toEqual(played)
    const oldIds = new Set(song.tracks[0]!.notes.map((n) => n.id))
    expect(added.every((n) => !oldIds.has(n.id))).toBe(true)
  })

  it('writes into the first melodic track, leaving drums alone', () => {
    const song = existing()
    const drums = { ...newTrack(song, 'Drums'), channel: 9, isDrum: true, notes: song.tracks[0]!.notes }
    const edit = recordTake({ ...song, tracks: [drums, song.tracks[0]!] }, take, 'replace')
    expect(edit.song.tracks[0]!.notes).toHaveLength(4)
    expect(edit.song.tracks[1]!.notes.map((n) => n.pitch)).toEqual([60, 67, 69, 65])
  })

  it('writes into the track you draw into, and replaces only there', () => {
    const song = existing()
    const left = { ...newTrack(song, 'Left hand'), notes: song.tracks[0]!.notes.map((n) => ({ ...n, id: n.id + 1000 })) }
    const edit = recordTake({ ...song, tracks: [song.tracks[0]!, left], roles: { ...song.roles, draw: left.id } }, take, 'replace')
    expect(edit.song.tracks[0]!.notes).toHaveLength(4)
    expect(edit.song.tracks[1]!.notes.map((n) => n.pitch)).toEqual([60, 67, 69, 65])
  })

  it('an empty overdub changes nothing (no undo step)', () => {
    const song = existing()
    expect(recordTake(song, { ...take, notes: [] }, 'overdub').song).toBe(song)
  })
})
