// What the editor takes from a MIDI keyboard: keys and the sustain pedal, on any channel (a keyboard
// sends on one, and players should not have to know which). Everything else (other controllers,
// pitch bend, clock, sysex, which is never asked for) is left out.

/** A key goes down (velocity 1..127). */
export interface KeyDown {
  type: 'keyDown'
  /** MIDI note number 0..127. */
  pitch: number
  /** How hard, 1..127. */
  velocity: number
}

/** A key comes up. */
export interface KeyUp {
  type: 'keyUp'
  /** MIDI note number 0..127. */
  pitch: number
}

/** The sustain pedal (controller 64) goes down or up. */
export interface Pedal {
  type: 'pedal'
  /** True from value 64 up. */
  down: boolean
}

/** One thing the player did on the keyboard. */
export type MidiEvent = KeyDown | KeyUp | Pedal

/** The sustain pedal's controller number. */
export const SUSTAIN_CONTROLLER = 64

/**
 * Reads one MIDI message (a Web MIDI `data` array). A note-on with velocity 0 is a key coming up, as
 * the MIDI spec allows; the pedal counts as down from value 64, as on a piano. Undefined for anything else.
 */
export function parseMidiMessage(data: ArrayLike<number> | null | undefined): MidiEvent | undefined {
  if (!data || data.length < 3) return undefined
  const status = data[0]! & 0xf0
  const first = data[1]! & 0x7f
  const second = data[2]! & 0x7f
  if (status === 0x90 && second > 0) return { type: 'keyDown', pitch: first, velocity: second }
  if (status === 0x80 || status === 0x90) return { type: 'keyUp', pitch: first }
  if (status === 0xb0 && first === SUSTAIN_CONTROLLER) return { type: 'pedal', down: second >= 64 }
  return undefined
}
