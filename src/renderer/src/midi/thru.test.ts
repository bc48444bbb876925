import { describe, expect, it } from 'vitest'
import { MidiThru, type Voices } from './thru.ts'
import type { MidiEvent } from './messages.ts'

/** Voices that write down what they were asked to do. */
function listening(): { voices: Voices; log: string[] } {
  const log: string[] = []
  return { log, voices: { press: (p, v) => log.push(`on ${p} ${v}`), release: (p) => log.push(`off ${p}`) } }
}

const down = (pitch: number, velocity = 80): MidiEvent => ({ type: 'keyDown', pitch, velocity })
const up = (pitch: number): MidiEvent => ({ type: 'keyUp', pitch })
const pedal = (isDown: boolean): MidiEvent => ({ type: 'pedal', down: isDown })

describe('MIDI thru', () => {
  it('plays keys with their velocity and stops them when let go', () => {
    const { voices, log } = listening()
    const thru = new MidiThru(() => voices)
    for (const e of [down(60, 100), down(64, 30), up(60), up(64)]) thru.handle(e)
    expect(log).toEqual(['on 60 100', 'on 64 30', 'off 60', 'off 64'])
  })

  it('with the pedal down, let-go keys ring until the pedal comes up; held keys stay', () => {
    const { voices, log } = listening()
    const thru = new MidiThru(() => voices)
    for (const e of [down(60), pedal(true), up(60), down(67), pedal(false)]) thru.handle(e)
    expect(log).toEqual(['on 60 80', 'on 67 80', 'off 60'])
    thru.handle(up(67))
    expect(log.at(-1)).toBe('off 67')
  })

  it('a key struck again while it rings on the pedal stops its old sound first', () => {
    const { voices, log } = listening()
    const thru = new MidiThru(() => voices)
    for (const e of [pedal(true), down(60), up(60), down(60, 90)]) thru.handle(e)
    expect(log).toEqual(['on 60 80', 'off 60', 'on 60 90'])
    thru.handle(up(60))
    thru.handle(pedal(false))
    expect(log.at(-1)).toBe('off 60')
  })

  it('releaseAll stops held and ringing keys, once each', () => {
    const { voices, log } = listening()
    const thru = new MidiThru(() => voices)
    for (const e of [pedal(true), down(60), up(60), down(64)]) thru.handle(e)
    log.length = 0
    thru.releaseAll()
    expect(log.sort()).toEqual(['off 60', 'off 64'])
  })

  it('stays silent, without failing, until the piano has loaded', () => {
    const thru = new MidiThru(() => undefined)
    expect(() => [down(60), pedal(true), up(60), pedal(false)].forEach((e) => thru.handle(e))).not.toThrow()
  })
})
