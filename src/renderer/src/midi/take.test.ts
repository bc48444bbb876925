import { describe, expect, it } from 'vitest'
import { takeNotes, type TimedEvent } from './take.ts'
import type { MidiEvent } from './messages.ts'
import { songWith } from '#fixtures/songs.ts'

const down = (tick: number, pitch: number, velocity = 80): TimedEvent => ({ tick, event: { type: 'keyDown', pitch, velocity } })
const up = (tick: number, pitch: number): TimedEvent => ({ tick, event: { type: 'keyUp', pitch } })
const pedal = (tick: number, isDown: boolean): TimedEvent => ({ tick, event: { type: 'pedal', down: isDown } satisfies MidiEvent })
const take = { startTick: 0, endTick: 3840 }
const note = (pitch: number, ticks: number, durationTicks: number, velocity = 80) => ({ pitch, ticks, durationTicks, velocity })

describe('takeNotes: pairing', () => {
  it('pairs each key-down with its key-up, keeps velocities, rounds to whole ticks and sorts', () => {
    const events = [down(480.4, 64, 30), down(0, 60, 100), up(479.6, 60), up(960, 64)]
    expect(takeNotes(events, take)).toEqual([note(60, 0, 480, 100), note(64, 480, 480, 30)])
  })

  it('a key struck again before its key-up ends the earlier note there', () => {
    const events = [down(0, 60, 50), down(240, 60, 90), up(480, 60), up(500, 60)]
    expect(takeNotes(events, take)).toEqual([note(60, 0, 240, 50), note(60, 240, 240, 90)])
  })

  it('keys still down at the end end there; events after the end and stray key-ups are left out', () => {
    const events = [up(100, 62), down(0, 60), down(3900, 67), up(4000, 67)]
    expect(takeNotes(events, { startTick: 0, endTick: 1000 })).toEqual([note(60, 0, 1000)])
  })

  it('leaves out keys off the piano (below A0, above C8)', () => {
    const events = [down(0, 20), up(100, 20), down(0, 109), up(100, 109), down(0, 21), up(100, 21)]
    expect(takeNotes(events, take).map((n) => n.pitch)).toEqual([21])
  })
})

describe('takeNotes: the sustain pedal', () => {
  it('a key let go under the pedal sounds on until the pedal comes up', () => {
    const events = [pedal(0, true), down(0, 60), up(240, 60), down(480, 64), pedal(960, false), up(1440, 64)]
    expect(takeNotes(events, take)).toEqual([note(60, 0, 960), note(64, 480, 960)])
  })

  it('a key struck again while the pedal holds it cuts the held note', () => {
    const events = [pedal(0, true), down(0, 60, 40), up(100, 60), down(480, 60, 90), up(600, 60), pedal(960, false)]
    expect(takeNotes(events, take)).toEqual([note(60, 0, 480, 40), note(60, 480, 480, 90)])
  })

  it('a pedal still down at the end holds its notes to the end', () => {
    const events = [pedal(0, true), down(0, 60), up(100, 60)]
    expect(takeNotes(events, { startTick: 0, endTick: 1920 })).toEqual([note(60, 0, 1920)])
  })

  it('the pedal pressed before a key does not lengthen keys let go after it comes up', () => {
    const events = [pedal(0, true), pedal(100, false), down(200, 60), up(400, 60)]
    expect(takeNotes(events, take)).toEqual([note(60, 200, 200)])
  })
})

describe('takeNotes: the count-in', () => {
  it('a key pressed in the count-in starts at the take start; one let go before it is dropped', () => {
    const events = [down(1920 - 100, 60), up(1920 + 200, 60), down(1920 - 300, 62), up(1920 - 10, 62)]
    expect(takeNotes(events, { startTick: 1920, endTick: 3840 })).toEqual([note(60, 1920, 200)])
  })

  it('the pedal held through the count-in keeps a key let go before the start sounding into the take', () => {
    const events = [pedal(1800, true), down(1850, 60), up(1900, 60), pedal(2400, false)]
    expect(takeNotes(events, { startTick: 1920, endTick: 3840 })).toEqual([note(60, 1920, 480)])
  })
})

describe('takeNotes: quantize', () => {
  const meter = songWith([])
  it('moves starts and ends to the nearest grid line, never shorter than one step', () => {
    const events = [down(-30, 60), up(500, 60), down(1010, 62), up(1030, 62), down(1700, 64), up(2150, 64)]
    const grid = { division: 8, triplet: false } as const
    expect(takeNotes(events, { ...take, quantize: { meter, grid } })).toEqual([note(60, 0, 480), note(62, 960, 240), note(64, 1680, 480)])
  })

  it('counts grid lines from each bar, through a meter change', () => {
    // 4/4 bar 1 (0..1920), then 3/8: quarter-note lines from 1920 at 1920, 2400, 2880 (next bar at 2640: 3/8 is 720 ticks).
    const odd = {
      ...meter,
      timeSignatures: [
        { ticks: 0, numerator: 4, denominator: 4 },
        { ticks: 1920, numerator: 3, denominator: 8 },
      ],
    }
    const grid = { division: 4, triplet: false } as const
    const events = [down(2600, 60), up(2700, 60)]
    expect(takeNotes(events, { ...take, quantize: { meter: odd, grid } })).toEqual([note(60, 2640, 480)])
  })

  it('with the grid off, keeps the notes as played', () => {
    const events = [down(13.2, 60), up(491.7, 60)]
    expect(takeNotes(events, { ...take, quantize: { meter, grid: 'off' } })).toEqual([note(60, 13, 479)])
  })
})
