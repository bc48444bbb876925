import { describe, expect, it } from 'vitest'
import { parseMidiMessage } from './messages.ts'

describe('parseMidiMessage', () => {
  it('reads note-on and note-off on any channel, a note-on at velocity 0 as a key coming up', () => {
    expect(parseMidiMessage([0x90, 60, 100])).toEqual({ type: 'keyDown', pitch: 60, velocity: 100 })
    expect(parseMidiMessage([0x9f, 21, 1])).toEqual({ type: 'keyDown', pitch: 21, velocity: 1 })
    expect(parseMidiMessage([0x83, 60, 64])).toEqual({ type: 'keyUp', pitch: 60 })
    expect(parseMidiMessage([0x90, 60, 0])).toEqual({ type: 'keyUp', pitch: 60 })
  })

  it('reads the sustain pedal, down from 64', () => {
    expect(parseMidiMessage(new Uint8Array([0xb0, 64, 127]))).toEqual({ type: 'pedal', down: true })
    expect(parseMidiMessage([0xb2, 64, 64])).toEqual({ type: 'pedal', down: true })
    expect(parseMidiMessage([0xb0, 64, 63])).toEqual({ type: 'pedal', down: false })
  })

  it('leaves out other controllers, pitch bend, clock, sysex, short and missing messages', () => {
    expect(parseMidiMessage([0xb0, 1, 90])).toBeUndefined() // modulation wheel
    expect(parseMidiMessage([0xe0, 0, 64])).toBeUndefined()
    expect(parseMidiMessage([0xf8])).toBeUndefined()
    expect(parseMidiMessage([0xf0, 0x7e, 0x7f, 0xf7])).toBeUndefined()
    expect(parseMidiMessage([0x90, 60])).toBeUndefined()
    expect(parseMidiMessage(null)).toBeUndefined()
  })
})
