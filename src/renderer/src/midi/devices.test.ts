import { describe, expect, it } from 'vitest'
import { connectedInputs, pickInput, readChoice, writeChoice, type MidiPort } from './devices.ts'

const port = (id: string, name: string | null, state = 'connected'): MidiPort => ({ id, name, state, onmidimessage: null })
const keys = { id: 'a1', name: 'Keys' }
const pads = { id: 'b2', name: 'Pads' }

describe('MIDI inputs', () => {
  it('lists the inputs plugged in, naming the nameless', () => {
    const access = {
      inputs: new Map([
        ['a', port('a1', 'Keys ')],
        ['b', port('b2', null)],
        ['c', port('c3', 'Gone', 'disconnected')],
      ]),
      onstatechange: null,
    }
    expect(connectedInputs(access)).toEqual([keys, { id: 'b2', name: 'MIDI input 2' }])
  })

  it('picks the remembered input by id, then by name; nothing when off; the first when never chosen', () => {
    expect(pickInput([keys, pads], pads)).toEqual(pads)
    expect(pickInput([keys, { id: 'new-id', name: 'Pads' }], pads)).toEqual({ id: 'new-id', name: 'Pads' })
    expect(pickInput([keys], pads)).toBeUndefined() // the chosen one is unplugged: wait for it
    expect(pickInput([keys, pads], 'none')).toBeUndefined()
    expect(pickInput([keys, pads], undefined)).toEqual(keys)
    expect(pickInput([], undefined)).toBeUndefined()
  })

  it('remembers a choice as text, and reads anything else as never chosen', () => {
    expect(readChoice(writeChoice(pads))).toEqual(pads)
    expect(readChoice(writeChoice('none'))).toBe('none')
    for (const junk of [null, '', '{', '{"id":3,"name":"x"}', '[]']) expect(readChoice(junk)).toBeUndefined()
  })
})
