import * as Tone from 'tone'
import type { Song, Ticks } from '$shared/music/types.ts'
import { barAtTick, barStartTick } from '$shared/music/bars.ts'
import { clicksBetween, countInClicks } from './clicks.ts'
import type { Seconds } from './timing.ts'

/** The metronome's sound and whether it is on. */
export interface MetronomeOptions {
  /** Pitch of a downbeat click, in hertz. */
  accentFrequency: number
  /** Pitch of the other beats' clicks, in hertz. */
  beatFrequency: number
  /** Loudness of a downbeat click, 0..1. */
  accentLevel: number
  /** Loudness of the other clicks, 0..1. */
  beatLevel: number
  /** How long one click sounds. */
  length: Seconds
  /** Whether the song's clicks sound (the count-in always does). */
  enabled: boolean
}

/** The two voices of a click: downbeats and the other beats. */
interface Clicker {
  accent: Tone.Synth
  beat: Tone.Synth
}

/** A count-in under way: its own voices behind a gain that can silence them, and when it ends. */
interface CountIn {
  voices: Clicker
  gain: Tone.Gain
  endsAt: Seconds
}

/** Bars of clicks scheduled at a time when there is no end (recording goes on until Stop). */
const CHUNK_BARS = 8

/**
 * A click on every beat, a higher and louder one on each downbeat, following the song's meter and tempo
 * changes. It schedules on the Transport beside the notes (transport seconds are song seconds, as the
 * Player schedules them) and is checked by offline rendering (test/e2e/metronome.test.ts). Export
 * never uses it: renderWav has its own sampler only.
 */
export class Metronome {
  /** Where the clicks come out; connect it to the player's output. */
  readonly output: Tone.Gain
  /** Whether the song's clicks sound; it can change while playing (each click checks as it fires). */
  enabled: boolean
  readonly #options: MetronomeOptions
  readonly #synths: Clicker
  #countIn: CountIn | undefined

  /** The defaults: a 1.6 kHz downbeat and 1.1 kHz beats, 30 ms long, on. */
  static getDefaults(): MetronomeOptions {
    return { accentFrequency: 1600, beatFrequency: 1100, accentLevel: 0.9, beatLevel: 0.5, length: 0.03, enabled: true }
  }

  constructor(options: Partial<MetronomeOptions> = {}) {
    this.#options = { ...Metronome.getDefaults(), ...options }
    this.enabled = this.#options.enabled
    this.output = new Tone.Gain(1)
    this.#synths = this.#newClicker(this.output)
  }

  /** Sends the clicks to `destination`. */
  connect(destination: Tone.InputNode): this {
    this.output.connect(destination)
    return this
  }

  /** Sends the clicks to the speakers. */
  toDestination(): this {
    this.output.toDestination()
    return this
  }

  /** Schedules the song's clicks in ticks [from, to) on the transport; `to` may be Infinity (recording). */
  schedule(song: Pick<Song, 'ppq' | 'tempos' | 'timeSignatures'>, from: Ticks, to: Ticks, transport = Tone.getTransport()): void {
    const chunkEnd = Number.isFinite(to) ? to : barStartTick(song, barAtTick(song, Math.max(0, from)) + CHUNK_BARS)
    const clicks = clicksBetween(song, from, chunkEnd)
    for (const click of clicks) {
      transport.schedule((time) => {
        if (this.enabled) this.#click(this.#synths, time, click.accent)
      }, click.time)
    }
    // No end: when this chunk is half played, schedule the next one.
    const middle = clicks[Math.floor(clicks.length / 2)]
    if (chunkEnd < to && middle) transport.schedule(() => this.schedule(song, chunkEnd, to, transport), middle.time)
  }

  /** Schedules one bar of count-in clicks (sounding whether or not the metronome is on) from `at`; returns its length. */
  countIn(song: Pick<Song, 'ppq' | 'tempos' | 'timeSignatures'>, tick: Ticks, at: Seconds): Seconds {
    this.cancelCountIn()
    const gain = new Tone.Gain(1).connect(this.output)
    const voices = this.#newClicker(gain)
    const { clicks, seconds } = countInClicks(song, tick)
    for (const click of clicks) this.#click(voices, at + click.offset, click.accent)
    this.#countIn = { voices, gain, endsAt: at + seconds }
    return seconds
  }

  /** Silences a count-in that has not finished (Stop pressed during it). */
  cancelCountIn(): void {
    const countIn = this.#countIn
    if (!countIn) return
    this.#countIn = undefined
    const now = this.output.context.currentTime
    countIn.gain.gain.cancelScheduledValues(now)
    countIn.gain.gain.setValueAtTime(0, now)
    // Voices with clicks still to come throw if freed now (Tone's sources stop later): free them after.
    const later = Math.max(0, countIn.endsAt - now) + 0.5
    this.output.context.setTimeout(() => this.#free(countIn), later)
  }

  /** Frees the audio nodes. */
  dispose(): void {
    if (this.#countIn) this.#free(this.#countIn)
    this.#countIn = undefined
    this.#synths.accent.dispose()
    this.#synths.beat.dispose()
    this.output.dispose()
  }

  #free(countIn: CountIn): void {
    countIn.voices.accent.dispose()
    countIn.voices.beat.dispose()
    countIn.gain.dispose()
  }

  #click(synths: Clicker, time: Seconds, accent: boolean): void {
    const o = this.#options
    if (accent) synths.accent.triggerAttackRelease(o.accentFrequency, o.length, time, o.accentLevel)
    else synths.beat.triggerAttackRelease(o.beatFrequency, o.length, time, o.beatLevel)
  }

  // One synth per pitch: a click only restarts its envelope, never glides from the other pitch.
  #newClicker(destination: Tone.InputNode): Clicker {
    const synth = () =>
      new Tone.Synth({
        oscillator: { type: 'sine' },
        envelope: { attack: 0.001, decay: this.#options.length, sustain: 0, release: 0.005 },
      }).connect(destination)
    return { accent: synth(), beat: synth() }
  }
}
