/**
 * Which keys still sound, as on a piano: a key let go while the sustain pedal is down rings on until
 * the pedal comes up (or until the key is struck again). Plain state for MIDI thru; it says when a
 * sound starts and stops, and plays nothing itself.
 */
export class SustainPedal {
  #down = false
  readonly #held = new Set<number>()
  readonly #ringing = new Set<number>()

  /** True while the pedal is down. */
  get down(): boolean {
    return this.#down
  }

  /** A key goes down. True when that key still rings from before: stop the old sound first. */
  keyDown(pitch: number): boolean {
    const wasRinging = this.#ringing.delete(pitch)
    this.#held.add(pitch)
    return wasRinging
  }

  /** A key comes up. True when its sound stops now (the pedal is up); false while the pedal holds it. */
  keyUp(pitch: number): boolean {
    this.#held.delete(pitch)
    if (!this.#down) return true
    this.#ringing.add(pitch)
    return false
  }

  /** The pedal goes down or up; returns the keys whose sound stops now (those it held, on the way up). */
  pedal(down: boolean): number[] {
    this.#down = down
    if (down) return []
    const released = [...this.#ringing]
    this.#ringing.clear()
    return released
  }

  /** Forgets everything (the keyboard went away); returns every key still sounding. */
  reset(): number[] {
    const sounding = [...new Set([...this.#held, ...this.#ringing])]
    this.#held.clear()
    this.#ringing.clear()
    this.#down = false
    return sounding
  }
}
