import type { MidiEvent } from './messages.ts'
import { SustainPedal } from './sustainPedal.ts'

/** What MIDI thru plays on: the live piano (audio/LivePiano.ts). */
export interface Voices {
  /** Starts the sound of a key (velocity 1..127). */
  press(pitch: number, velocity: number): void
  /** Stops the sound of a key (it dies away over the release time). */
  release(pitch: number): void
}

/** MIDI thru: plays what comes in from the keyboard on `voices`, with the sustain pedal respected. */
export class MidiThru {
  readonly #pedal = new SustainPedal()

  /** Plays on `voices`; a getter, as the piano loads on first use. */
  constructor(private readonly voices: () => Voices | undefined) {}

  /** Plays one event from the keyboard. */
  handle(event: MidiEvent): void {
    const voices = this.voices()
    if (event.type === 'keyDown') {
      if (this.#pedal.keyDown(event.pitch)) voices?.release(event.pitch)
      voices?.press(event.pitch, event.velocity)
    } else if (event.type === 'keyUp') {
      if (this.#pedal.keyUp(event.pitch)) voices?.release(event.pitch)
    } else {
      for (const pitch of this.#pedal.pedal(event.down)) voices?.release(pitch)
    }
  }

  /** Stops every sound (the keyboard was unplugged or switched): nothing hangs. */
  releaseAll(): void {
    const voices = this.voices()
    for (const pitch of this.#pedal.reset()) voices?.release(pitch)
  }
}
