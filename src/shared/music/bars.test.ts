import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { barAtTick, barRangeTicks, barStartTick, beatAtTick } from './bars.ts'
import type { Meter } from './bars.ts'

const fourFour: Meter = { ppq: 480, timeSignatures: [{ ticks: 0, numerator: 4, denominator: 4 }] }
const changing: Meter = {
  ppq: 480,
  timeSignatures: [
    { ticks: 0, numerator: 4, denominator: 4 },
    { ticks: 3840, numerator: 3, denominator: 4 }, // bar 2
    { ticks: 6000, numerator: 6, denominator: 8 }, // mid-bar: bar 4 is cut to 720 ticks
  ],
}

describe('bars', () => {
  it('finds bar starts in 4/4', () => {
    expect([0, 1, 2, 10].map((bar) => barStartTick(fourFour, bar))).toEqual([0, 1920, 3840, 19200])
    expect([0, 1919, 1920, 5000].map((tick) => barAtTick(fourFour, tick))).toEqual([0, 0, 1, 2])
  })

  it('follows time-signature changes; a change mid-bar starts a new bar', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((bar) => barStartTick(changing, bar))).toEqual([0, 1920, 3840, 5280, 6000, 7440, 8880])
    expect(barAtTick(changing, 5999)).toBe(3)
    expect(barAtTick(changing, 6000)).toBe(4)
  })

  it('assumes 4/4 with no time signature', () => {
    expect(barStartTick({ ppq: 96, timeSignatures: [] }, 3)).toBe(1152)
  })

  it('gives the ticks of a bar range and the beat of a tick', () => {
    expect(barRangeTicks(changing, { start: 1, end: 3 })).toEqual({ start: 1920, end: 5280 })
    expect(beatAtTick(changing, 5280 + 480 + 10)).toEqual({ bar: 3, beat: 1, ticksIntoBeat: 10 })
    expect(beatAtTick(changing, 6000 + 240)).toEqual({ bar: 4, beat: 1, ticksIntoBeat: 0 })
  })

  it('barAtTick inverts barStartTick for any meter and PPQ', () => {
    const meter = fc.record({
      ppq: fc.integer({ min: 16, max: 1000 }), // from 16 PPQ up even a 1/64 beat is a whole tick
      timeSignatures: fc.uniqueArray(fc.integer({ min: 1, max: 50_000 }), { maxLength: 4 }).chain((ticks) =>
        fc.tuple(
          ...[0, ...ticks.sort((a, b) => a - b)].map((t) =>
            fc.record({
              ticks: fc.constant(t),
              numerator: fc.integer({ min: 1, max: 13 }),
              denominator: fc.constantFrom(1, 2, 4, 8, 16),
            }),
          ),
        ),
      ),
    })
    fc.assert(
      fc.property(meter, fc.integer({ min: 0, max: 200 }), (m, bar) => {
        const start = barStartTick(m, bar)
        expect(barStartTick(m, bar + 1)).toBeGreaterThan(start)
        expect(barAtTick(m, start)).toBe(bar)
        expect(barAtTick(m, barStartTick(m, bar + 1) - 1)).toBe(bar)
      }),
      { numRuns: 150 },
    )
  })
})
