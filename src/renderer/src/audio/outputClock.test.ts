import { describe, expect, it } from 'vitest'
import { heardAt, outputStamp } from './outputClock.ts'

describe('the output clock', () => {
  it("uses the context's output timestamp when it gives a fresh one", () => {
    const context = { currentTime: 10.2, outputLatency: 0.04, getOutputTimestamp: () => ({ contextTime: 10.15, performanceTime: 5_000 }) }
    const stamp = outputStamp(context, 5_010)
    expect(stamp).toEqual({ contextTime: 10.15, performanceTime: 5_000 })
    expect(heardAt(12.15, stamp)).toBeCloseTo(7_000)
  })

  it('falls back to the current time heard after the output latency when the timestamp is empty or stale', () => {
    const empty = { currentTime: 3, outputLatency: 0.05, getOutputTimestamp: () => ({ contextTime: 0, performanceTime: 0 }) }
    expect(outputStamp(empty, 1_000)).toEqual({ contextTime: 3, performanceTime: 1_050 })
    const stale = { currentTime: 3, baseLatency: 0.01, getOutputTimestamp: () => ({ contextTime: 1, performanceTime: 100 }) }
    expect(outputStamp(stale, 9_000)).toEqual({ contextTime: 3, performanceTime: 9_010 })
    expect(outputStamp({ currentTime: 3 }, 9_000)).toEqual({ contextTime: 3, performanceTime: 9_000 })
  })
})
