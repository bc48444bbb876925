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

  it('in a bar shorter than a whole number of steps, the next bar line is the nearest line near the bar end', () => {
    // 3/8 from tick 1920: bars of 720 ticks, quarter lines at 1920 and 2400, the next bar at 2640.
    const odd = {
      ...song,
      timeSignatures: [
        { ticks: 0, numerator: 4, denominator: 4 },
        { ticks: 1920, numerator: 3, denominator: 8 },
      ],
    }
    const quarter: Grid = { division: 4, triplet: false }
    expect(snapTick(odd, quarter, 2600)).toBe(2640)
    expect(snapTick(odd, quarter, 2500)).toBe(2400)
    expect(snapTickDown(odd, quarter, 2600)).toBe(2400)
  })

  it('lengths snap to whole steps, at least one', () => {
    expect(snapLength(sixteenth, 480, 10)).toBe(120)
    expect(snapLength(sixteenth, 480, 500)).toBe(480)
  })
})
