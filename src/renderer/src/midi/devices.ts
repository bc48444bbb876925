// The part of Web MIDI the editor uses, typed narrowly so tests (and the e2e's fake keyboard) can stand
// in for the browser's: input ports, their messages, and the access object's hot-plug event.

/** One MIDI message as Web MIDI delivers it. */
export interface MidiMessage {
  /** The message bytes. */
  data: Uint8Array | null
  /** When it arrived (performance.now, ms). */
  timeStamp: number
}

/** A MIDI input port. */
export interface MidiPort {
  /** The browser's id for the port (may change between sessions). */
  readonly id: string
  /** What the device calls itself. */
  readonly name: string | null
  /** 'connected' or 'disconnected' (a port can be listed while unplugged). */
  readonly state: string
  /** Setting a handler opens the port. */
  onmidimessage: ((message: MidiMessage) => void) | null
}

/** What navigator.requestMIDIAccess gives. */
export interface MidiAccess {
  readonly inputs: { values(): Iterable<MidiPort> }
  /** Called when a port is plugged in or unplugged. */
  onstatechange: ((event: unknown) => void) | null
}

/** An input the picker offers. */
export interface MidiDevice {
  /** The port's id. */
  id: string
  /** Its name, as the picker shows it. */
  name: string
}

/** The remembered choice: an input, or 'none' (the player turned MIDI input off). */
export type MidiChoice = MidiDevice | 'none'

/** The inputs plugged in now, named for people. */
export function connectedInputs(access: MidiAccess): MidiDevice[] {
  const ports = [...access.inputs.values()].filter((p) => p.state !== 'disconnected')
  return ports.map((p, i) => ({ id: p.id, name: p.name?.trim() || `MIDI input ${i + 1}` }))
}

/**
 * The input to listen to: the remembered one (by id, or by name, as ids can change between sessions),
 * nothing when MIDI input was turned off, and the first one plugged in when nothing was ever chosen.
 */
export function pickInput(inputs: readonly MidiDevice[], remembered: MidiChoice | undefined): MidiDevice | undefined {
  if (remembered === 'none') return undefined
  if (!remembered) return inputs[0]
  return inputs.find((d) => d.id === remembered.id) ?? inputs.find((d) => d.name === remembered.name)
}

/** Reads a remembered choice (anything unreadable counts as never chosen). */
export function readChoice(text: string | null | undefined): MidiChoice | undefined {
  if (!text) return undefined
  if (text === 'none') return 'none'
  try {
    const value: unknown = JSON.parse(text)
    if (
      value &&
      typeof value === 'object' &&
      'id' in value &&
      'name' in value &&
      typeof value.id === 'string' &&
      typeof value.name === 'string'
    ) {
      return { id: value.id, name: value.name }
    }
  } catch {
    // not ours: as never chosen
  }
  return undefined
}

/** Writes a choice for readChoice. */
export function writeChoice(choice: MidiChoice): string {
  return choice === 'none' ? 'none' : JSON.stringify({ id: choice.id, name: choice.name })
}
