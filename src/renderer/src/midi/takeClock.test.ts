import { describe, expect, it } from 'vitest'
import { takeClock, tickAt } from './takeClock.ts'

// 120 bpm (500,000 µs a quarter) until tick 1920, then 60 bpm; PPQ 480.
const song = {
  ppq: 480,
  tempos: [
    { ticks: 0, microsecondsPerQuarter: 500_000 },
    { ticks: 1920, microsecondsPerQuarter: 1_000_000 },
  ],
}

describe('the take clock', () => {
  it('places moments after the start through the tempo map', () => {
    const clock = takeClock(song, 960, 10_000)
    expect(tickAt(clock, 10_000)).toBeCloseTo(960)
    expect(tickAt(clock, 10_500)).toBeCloseTo(1440) // a quarter at 120 bpm
    expect(tickAt(clock, 11_000)).toBeCloseTo(1920)
    expect(tickAt(clock, 12_000)).toBeCloseTo(2400) // a quarter at 60 bpm
  })

  it('places count-in moments before the start, at the tempo where the take starts', () => {
    const clock = takeClock(song, 1920, 5_000)
    expect(tickAt(clock, 4_000)).toBeCloseTo(1920 - 480) // one second is a quarter at 60 bpm
    const early = takeClock(song, 960, 5_000)
    expect(tickAt(early, 4_000)).toBeCloseTo(960 - 960) // and two at 120 bpm
  })
})
