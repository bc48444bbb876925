import { describe, expect, it } from 'vitest'
import { createSong, createTrack, modelNotes } from './song.ts'

describe('song', () => {
  it('a new song is 4/4 at 120 bpm with one piano track', () => {
    const song = createSong()
    expect(song).toMatchObject({
      ppq: 480,
      tempos: [{ ticks: 0, microsecondsPerQuarter: 500_000 }],
      timeSignatures: [{ ticks: 0, numerator: 4, denominator: 4 }],
    })
    expect(song.tracks).toEqual([createTrack()])
    expect(createTrack(9).isDrum).toBe(true)
  })

  it('the model sees non-drum notes on the 88 keys only, in canonical order', () => {
    const song = createSong()
    const piano = song.tracks[0]!
    piano.notes = [
      { pitch: 64, ticks: 10, durationTicks: 5, velocity: 80 },
      { pitch: 20, ticks: 0, durationTicks: 5, velocity: 80 },
      { pitch: 60, ticks: 10, durationTicks: 5, velocity: 80 },
    ]
    song.tracks.push({ ...createTrack(9), notes: [{ pitch: 36, ticks: 0, durationTicks: 5, velocity: 80 }] })
    expect(modelNotes(song).map((n) => n.pitch)).toEqual([60, 64])
  })
})
