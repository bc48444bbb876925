import { describe, expect, it } from 'vitest'
import { gridTicks, snapLength, snapTick, snapTickDown, type Grid } from './snap.ts'
import { createSong } from '$shared/music/song.ts'

const song = createSong(480)
const sixteenth: Grid = { division: 16, triplet: false }

describe('snapping', () => {
  it('grid steps for straight and triplet values', () => {
    expect(gridTicks({ division: 4, triplet: false }, 480)).toBe(480)
    expect(gridTicks({ division: 32, triplet: false }, 480)).toBe(60)
    expect(gridTicks({ division: 8, triplet: true }, 480)).toBe(160)
    expect(gridTicks('off', 480)).toBe(1)
  })

  it('snaps to the nearest line or the line before, never below 0', () => {
    expect(snapTick(song, sixteenth, 170)).toBe(120)
    expect(snapTick(song, sixteenth, 181)).toBe(240)
    expect(snapTickDown(song, sixteenth, 239)).toBe(120)
    expect(snapTick(song, sixteenth, -50)).toBe(0)
    expect(snapTick(song, 'off', 123.4)).toBe(123)
  })

  it('triplet lines count from each bar start, so they stay aligned in 3/4', () => {
    const waltz = { ...song, timeSignatures: [{ ticks: 0, numerator: 3, denominator: 4 }] }
    const quarterTriplet: Grid = { division: 4, triplet: true }
    expect(snapTick(waltz, quarterTriplet, 1440 + 330)).toBe(1440 + 320)
    expect(snapTickDown(waltz, { division: 4, triplet: false }, 1440 + 479)).toBe(1440)
  })

  it('lengths snap to whole steps, at least one', () => {
    expect(snapLength(sixteenth, 480, 10)).toBe(120)
    expect(snapLength(sixteenth, 480, 500)).toBe(480)
  })
})
