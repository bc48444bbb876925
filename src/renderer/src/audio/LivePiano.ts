import * as Tone from 'tone'
import { PIANO_SAMPLE_NOTES } from './samples.ts'
import type { Seconds } from './timing.ts'

/** How the live piano sounds. */
export interface LivePianoOptions {
  /** How long a released key takes to die away. */
  release: Seconds
}

/**
 * The sampled piano played live from a MIDI keyboard (MIDI thru): keys start and stop as they are
 * pressed and let go. Its own sampler on the player's samples, so starting or stopping playback
 * (which silences the player's voices) never cuts what the player is holding down.
 */
export class LivePiano {
  readonly #sampler: Tone.Sampler

  /** The defaults: the player's release time. */
  static getDefaults(): LivePianoOptions {
    return { release: 0.8 }
  }

  /** A live piano on loaded samples (the player's buffers, keyed "A0", "D#4", …). */
  constructor(buffers: Tone.ToneAudioBuffers, options: Partial<LivePianoOptions> = {}) {
    const { release } = { ...LivePiano.getDefaults(), ...options }
    const urls: Record<string, Tone.ToneAudioBuffer> = {}
    for (const name of PIANO_SAMPLE_NOTES) if (buffers.has(name)) urls[name] = buffers.get(name)
    this.#sampler = new Tone.Sampler({ urls, release })
  }

  /** Sends the sound to the speakers. */
  toDestination(): this {
    this.#sampler.toDestination()
    return this
  }

  /** Starts a key's sound now (velocity 1..127). */
  press(pitch: number, velocity: number): void {
    if (Tone.getContext().state !== 'running') void Tone.start()
    this.#sampler.triggerAttack(Tone.Frequency(pitch, 'midi').toNote(), Tone.immediate(), velocity / 127)
  }

  /** Lets a key go now. */
  release(pitch: number): void {
    this.#sampler.triggerRelease(Tone.Frequency(pitch, 'midi').toNote(), Tone.immediate())
  }

  /** Frees the sampler. */
  dispose(): void {
    this.#sampler.dispose()
  }
}
