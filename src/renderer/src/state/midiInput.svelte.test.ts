import { describe, expect, it } from 'vitest'
import { MIDI_CHOICE_KEY, MidiInput, type MidiEnvironment } from './midiInput.svelte.ts'
import type { MidiAccess, MidiMessage, MidiPort } from '../midi/devices.ts'
import type { MidiEvent } from '../midi/messages.ts'

/** A MIDI port that the test plugs in, unplugs and plays. */
class FakePort implements MidiPort {
  state = 'connected'
  onmidimessage: ((message: MidiMessage) => void) | null = null
  constructor(
    readonly id: string,
    readonly name: string,
  ) {}
  send(bytes: number[], timeStamp = 1234): void {
    this.onmidimessage?.({ data: new Uint8Array(bytes), timeStamp })
  }
}

/** Web MIDI as the test sets it up: ports that come and go, and what was asked for. */
class FakeAccess implements MidiAccess {
  readonly ports = new Map<string, FakePort>()
  onstatechange: ((event: unknown) => void) | null = null
  get inputs() {
    return this.ports
  }
  plug(port: FakePort): void {
    this.ports.set(port.id, port)
    port.state = 'connected'
    this.onstatechange?.({ port })
  }
  unplug(port: FakePort): void {
    port.state = 'disconnected'
    this.onstatechange?.({ port })
  }
}

function setup(options: { permission?: string; stored?: string; refuse?: boolean; supported?: boolean } = {}) {
  const access = new FakeAccess()
  const keys = new FakePort('k1', 'Keys')
  access.plug(keys)
  const stored = new Map<string, string>(options.stored ? [[MIDI_CHOICE_KEY, options.stored]] : [])
  const asked: { sysex: boolean }[] = []
  const env: MidiEnvironment = {
    requestAccess:
      options.supported === false
        ? undefined
        : async (o) => {
            asked.push(o)
            if (options.refuse) throw new Error('Permission denied')
            return access
          },
    permission: async () => options.permission ?? 'prompt',
    storage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v) },
    now: () => 99,
  }
  const said: string[] = []
  const midi = new MidiInput(env, (text) => said.push(text))
  const events: string[] = []
  midi.onEvent((e: MidiEvent, at) =>
    events.push(
      `${e.type}${'pitch' in e ? ` ${e.pitch}` : ''}${'velocity' in e ? ` ${e.velocity}` : ''}${'down' in e ? ` ${e.down}` : ''} @${at}`,
    ),
  )
  return { midi, access, keys, stored, asked, said, events }
}

describe('MidiInput', () => {
  it('without Web MIDI: says why, and does nothing', async () => {
    const { midi } = setup({ supported: false })
    await midi.connect()
    await midi.enable()
    expect(midi.status).toBe('unsupported')
    expect(midi.problem).toMatch(/no Web MIDI/)
  })

  it('at start, asks nothing when MIDI was never allowed nor an input chosen', async () => {
    const { midi, asked } = setup()
    await midi.connect()
    expect(midi.status).toBe('idle')
    expect(asked).toEqual([])
  })

  it('opens without sysex when allowed before, listens to the first input (remembered) and passes its keys and pedal on', async () => {
    const { midi, keys, asked, said, events, stored } = setup({ permission: 'granted' })
    await midi.connect()
    expect(asked).toEqual([{ sysex: false }])
    expect(midi.status).toBe('ready')
    expect(midi.current).toEqual({ id: 'k1', name: 'Keys' })
    expect(JSON.parse(stored.get(MIDI_CHOICE_KEY)!)).toEqual({ id: 'k1', name: 'Keys' })
    expect(said.at(-1)).toMatch(/“Keys” connected/)
    keys.send([0x90, 60, 100], 500)
    keys.send([0xb0, 64, 127], 510)
    keys.send([0xb0, 1, 127], 520) // modulation: not ours
    keys.send([0x80, 60, 0], 0) // no stamp: now
    expect(events).toEqual(['keyDown 60 100 @500', 'pedal true @510', 'keyUp 60 @99'])
  })

  it('opens at start when an input was chosen before, and listens to that one', async () => {
    const { midi, access, asked } = setup({ stored: JSON.stringify({ id: 'p2', name: 'Pads' }) })
    access.plug(new FakePort('p2', 'Pads'))
    await midi.connect()
    expect(asked).toHaveLength(1)
    expect(midi.current?.name).toBe('Pads')
  })

  it('refused: says so in words, and stays usable', async () => {
    const { midi, said } = setup({ refuse: true })
    await midi.enable()
    expect(midi.status).toBe('denied')
    expect(midi.problem).toMatch(/refused.*Permission denied.*site settings/)
    expect(said).toEqual([midi.problem])
  })

  it('remembers the chosen input, and "none" stops listening', async () => {
    const { midi, access, keys, stored, events } = setup()
    const pads = new FakePort('p2', 'Pads')
    access.plug(pads)
    await midi.enable()
    midi.choose('p2')
    expect(midi.current?.name).toBe('Pads')
    expect(JSON.parse(stored.get(MIDI_CHOICE_KEY)!)).toEqual({ id: 'p2', name: 'Pads' })
    keys.send([0x90, 60, 1])
    expect(events).toEqual([])
    midi.choose(undefined)
    expect(midi.current).toBeUndefined()
    expect(stored.get(MIDI_CHOICE_KEY)).toBe('none')
    pads.send([0x90, 60, 1])
    expect(events).toEqual([])
  })

  it('hot-plugging: an unplugged input is let go (held keys released) and taken back when it returns', async () => {
    const { midi, access, keys, said, events } = setup({ permission: 'granted' })
    let lost = 0
    midi.onLost(() => lost++)
    await midi.connect()
    midi.choose('k1')
    access.unplug(keys)
    expect(midi.current).toBeUndefined()
    expect(lost).toBe(1)
    expect(said.at(-1)).toMatch(/“Keys” was unplugged/)
    access.plug(new FakePort('x9', 'Other')) // not the chosen one: keep waiting for Keys
    expect(midi.current).toBeUndefined()
    expect(midi.inputs.map((d) => d.name)).toEqual(['Other'])
    access.plug(keys)
    expect(midi.current?.name).toBe('Keys')
    keys.send([0x90, 64, 70], 7)
    expect(events).toEqual(['keyDown 64 70 @7'])
  })
})
