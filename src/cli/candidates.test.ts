import { describe, expect, it } from 'vitest'
import { createSong, createTrack } from '../shared/music/index.ts'
import { continuationChannels, continuationSongs } from './candidates.ts'

describe('continuation tracks', () => {
  it('take the channels the song leaves free, never the drum channel, and share only when 15 are not enough', () => {
    const song = createSong(480)
    song.tracks = [createTrack(0, 'Piano'), createTrack(1, 'Bass'), createTrack(9, 'Drums')]
    expect(continuationChannels(song, 8)).toEqual([2, 3, 4, 5, 6, 7, 8, 10])
    expect(continuationChannels(song, 15).slice(-2)).toEqual([0, 1])
  })

  it('go one per song, or all into one song with --one-file', () => {
    const song = createSong(480)
    song.tracks = [createTrack(0, 'Piano')]
    const candidates = [{ notes: [] }, { notes: [] }]
    expect(continuationSongs(song, candidates, false).map((s) => s.tracks.map((t) => `${t.name}@${t.channel}`))).toEqual([
      ['Piano@0', 'Continuation 1@1'],
      ['Piano@0', 'Continuation 2@1'],
    ])
    expect(continuationSongs(song, candidates, true).map((s) => s.tracks.map((t) => `${t.name}@${t.channel}`))).toEqual([
      ['Piano@0', 'Continuation 1@1', 'Continuation 2@2'],
    ])
  })
})
