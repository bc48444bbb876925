import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { barsToFrames, framesToNotes, notesToFrames } from './pianoRoll.ts'
import type { Frame, FrameGrid } from './pianoRoll.ts'
import type { Note } from './types.ts'

const grid: FrameGrid = { startTick: 1920, ppq: 480, stepsPerQuarter: 4 } // 120 ticks a step, from bar 1
const note = (pitch: number, ticks: number, durationTicks: number, velocity = 80): Note => ({ pitch, ticks, durationTicks, velocity })

describe('piano-roll frames', () => {
  it('maps notes to sorted key indices per step', () => {
    const frames = notesToFrames([note(64, 1920, 240), note(21, 1920, 120), note(108, 2160, 120)], grid, 4)
    expect(frames).toEqual([[0, 43], [43], [87], []])
  })

  it('snaps off-grid notes to the nearest step; a short note still fills one step', () => {
    expect(notesToFrames([note(60, 1920 + 70, 230)], grid, 4)).toEqual([[], [39], [39], []])
    expect(notesToFrames([note(60, 1920 + 10, 5)], grid, 2)).toEqual([[39], []])
  })

  it('leaves out keys off the piano and clips notes to the range', () => {
    expect(notesToFrames([note(20, 1920, 120), note(109, 1920, 120), note(60, 1800, 480)], grid, 5)).toEqual([[39], [39], [39], [], []])
  })

  it('cannot express a key struck again while held: the two notes merge', () => {
    const frames = notesToFrames([note(60, 1920, 120), note(60, 2040, 120)], grid, 2)
    expect(framesToNotes(frames, grid)).toEqual([note(60, 1920, 240)])
  })

  it('merges consecutive active frames of a key into one note', () => {
    expect(framesToNotes([[39], [39, 43], [43], [], [39]], grid, 100)).toEqual([
      note(60, 1920, 240, 100),
      note(64, 2040, 240, 100),
      note(60, 2400, 120, 100),
    ])
  })

  it('covers a bar range at the meter: 3/4 at 4 steps per quarter is 12 frames a bar', () => {
    const meter = { ppq: 96, timeSignatures: [{ ticks: 0, numerator: 3, denominator: 4 }] }
    const frames = barsToFrames([note(60, 288, 96)], meter, { start: 1, end: 3 }, 4)
    expect(frames).toHaveLength(24)
    expect(frames.slice(0, 5)).toEqual([[39], [39], [39], [39], []])
  })

  it('frames -> notes -> frames gives the same frames', () => {
    const frame = fc.uniqueArray(fc.integer({ min: 0, max: 87 }), { maxLength: 6 }).map((keys) => keys.sort((a, b) => a - b))
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 40 }), fc.constantFrom(1, 2, 3, 4, 12), (frames: Frame[], steps) => {
        const g = { startTick: 0, ppq: 480, stepsPerQuarter: steps }
        expect(notesToFrames(framesToNotes(frames, g), g, frames.length)).toEqual(frames)
      }),
      { numRuns: 150 },
    )
  })
})
