import { describe, expect, it } from 'vitest'
import { pitchName, position } from './pitchName.ts'
import { createSong } from '$shared/music/song.ts'

describe('names for the status bar', () => {
  it('names pitches', () => {
    expect([21, 60, 61, 108].map(pitchName)).toEqual(['A0', 'C4', 'C#4', 'C8'])
  })
  it('counts bars and beats from 1', () => {
    const song = createSong(480)
    expect(position(song, 0)).toBe('1.1')
    expect(position(song, 1920 + 480 * 2 + 10)).toBe('2.3')
  })
})
