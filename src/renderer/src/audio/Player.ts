import * as Tone from 'tone'
import type { Note, Song, Ticks } from '$shared/music/types.ts'
import { loadSampleBytes, pianoSampleUrls } from './samples.ts'
import { scheduleNotes, songEndTick } from './schedule.ts'
import { TempoMap } from './timing.ts'
import { Metronome } from './Metronome.ts'
import { LivePiano } from './LivePiano.ts'
import { heardAt, outputStamp, type OutputClockSource } from './outputClock.ts'

/** What to play. */
export interface PlayOptions {
  /** Where to start. */
  fromTick: Ticks
  /** Loop [start, end) forever instead of stopping at the end. */
  loop?: { start: Ticks; end: Ticks } | undefined
  /** Stop here (default: the end of the last note). */
  toTick?: Ticks | undefined
  /** Notes to play along with the song (a candidate being auditioned). */
  extra?: readonly Note[] | undefined
  /** One bar of count-in clicks before `fromTick` (recording). */
  countIn?: boolean | undefined
  /** Play on until stopped, past the last note (recording). */
  open?: boolean | undefined
}

/** When playback starts. */
export interface PlayStart {
  /** The page time (performance.now, ms) at which `fromTick` is heard, after any count-in. */
  heardAtMs: number
}

/** Seconds the output fades out when stopping, so a stop never clicks. */
const FADE: number = 0.06
/** Seconds a released key takes to die away. */
const RELEASE: number = 0.8

/**
 * Plays a song with the sampled grand piano (bundled mp3s, no network), velocity-sensitive, and
 * reports where playback is. One per app; dispose() frees the audio nodes.
 */
export class Player {
  /** The samples, shared with offline rendering. */
  readonly buffers: Tone.ToneAudioBuffers
  /** The metronome: it clicks along whenever it is enabled (never in exports). */
  readonly metronome: Metronome
  #live: LivePiano | undefined
  private readonly output: Tone.Gain
  private readonly sampler: Tone.Sampler
  private readonly ready: Promise<void>
  private tempo: TempoMap | undefined
  /** When the transport starts (Tone's clock) and from which tick: until then the playhead stays there, not at 0. */
  private start = { time: 0, tick: 0 }
  private stopTimer: ReturnType<typeof setTimeout> | undefined
  private endListener: (() => void) | undefined
  private samplesLoaded = false

  constructor() {
    this.output = new Tone.Gain(1).toDestination()
    this.buffers = new Tone.ToneAudioBuffers()
    this.sampler = new Tone.Sampler({ release: RELEASE }).connect(this.output)
    this.metronome = new Metronome({ enabled: false }).connect(this.output)
    this.ready = Promise.all(
      Object.entries(pianoSampleUrls).map(async ([name, url]) => {
        const decoded = await Tone.getContext().decodeAudioData(await loadSampleBytes(url))
        const buffer = new Tone.ToneAudioBuffer(decoded)
        this.buffers.add(name, buffer)
        this.sampler.add(name as Tone.Unit.Note, buffer)
      }),
    ).then(() => {
      this.samplesLoaded = true
      this.#live = new LivePiano(this.buffers, { release: RELEASE }).toDestination()
    })
    // Playback reports a failure when it is asked for; nothing else waits on this promise.
    this.ready.catch(() => undefined)
  }

  /** Resolves when every sample has loaded. */
  loaded(): Promise<void> {
    return this.ready
  }

  /** The piano a MIDI keyboard plays (MIDI thru), once the samples have loaded. */
  get live(): LivePiano | undefined {
    return this.#live
  }

  /** True while playing. */
  get playing(): boolean {
    return Tone.getTransport().state === 'started'
  }

  /** Where playback is now, in ticks, or undefined when stopped. */
  position(): Ticks | undefined {
    if (!this.playing || !this.tempo) return undefined
    const transport = Tone.getTransport()
    if (Tone.immediate() < this.start.time) return this.start.tick
    // What is sounding now, not what is being scheduled (Transport.seconds runs a look-ahead early).
    let seconds = transport.getSecondsAtTime(Tone.immediate())
    if (transport.loop) {
      const start = Tone.Time(transport.loopStart).toSeconds()
      const end = Tone.Time(transport.loopEnd).toSeconds()
      if (seconds >= end && end > start) seconds = start + ((seconds - start) % (end - start))
    }
    return this.tempo.ticks(Math.max(0, seconds))
  }

  /** Calls `listener` when playback reaches the end by itself. */
  onEnd(listener: () => void): void {
    this.endListener = listener
  }

  /** Starts playing the song (stopping what was playing); resolves to when `fromTick` will be heard. */
  async play(song: Song, options: PlayOptions): Promise<PlayStart> {
    await Tone.start()
    await this.ready
    this.halt()
    const transport = Tone.getTransport()
    this.tempo = new TempoMap(song)
    const end = options.open ? Infinity : (options.loop?.end ?? options.toTick ?? songEndTick(song, options.extra))
    const from = options.loop ? options.loop.start : options.fromTick
    const notes = scheduleNotes(song, options.loop?.start ?? Math.min(from, end), end, options.extra)
    for (const note of notes) {
      const name = Tone.Frequency(note.pitch, 'midi').toNote()
      transport.schedule((time) => this.sampler.triggerAttackRelease(name, note.duration, time, note.velocity), note.time)
    }
    this.metronome.schedule(song, options.loop?.start ?? from, end, transport)
    const endSeconds = this.tempo.seconds(end)
    if (options.loop) {
      transport.loop = true
      transport.loopStart = this.tempo.seconds(options.loop.start)
      transport.loopEnd = endSeconds
    } else if (!options.open) {
      transport.loop = false
      // Let the last notes ring out before stopping by itself.
      transport.schedule(() => Tone.getDraw().schedule(() => this.finish(), Tone.now()), endSeconds + 0.9)
    }
    let at = Tone.now() + 0.05
    if (options.countIn) at += this.metronome.countIn(song, from, at)
    this.start = { time: at, tick: from }
    transport.start(at, this.tempo.seconds(from))
    const context = Tone.getContext().rawContext as unknown as OutputClockSource
    return { heardAtMs: heardAt(at, outputStamp(context, performance.now())) }
  }

  /** Stops with a short fade, so nothing clicks. */
  stop(): void {
    if (!this.playing) {
      // A start may be pending (after a count-in): call it and the count-in off; nothing sounds yet to fade.
      this.metronome.cancelCountIn()
      Tone.getTransport().stop()
      return
    }
    const now = Tone.now()
    this.output.gain.cancelScheduledValues(now)
    this.output.gain.setValueAtTime(this.output.gain.value, now)
    this.output.gain.linearRampToValueAtTime(0, now + FADE)
    Tone.getTransport().pause(now + FADE)
    clearTimeout(this.stopTimer)
    this.stopTimer = setTimeout(
      () => {
        // Released voices ring on for the release time: keep the output silent until they are gone.
        this.halt(false)
        this.output.gain.setValueAtTime(1, Tone.now() + RELEASE + 0.05)
      },
      FADE * 1000 + 40,
    )
  }

  /** Sounds one key now (the keyboard, drawing, moving notes). */
  async audition(pitch: number, velocity: number, seconds = 0.5): Promise<void> {
    await Tone.start()
    // Until every sample is in, the sampler has no buffer to repitch from: stay silent rather than throw.
    if (!this.samplesLoaded) return
    this.unmute()
    this.sampler.triggerAttackRelease(Tone.Frequency(pitch, 'midi').toNote(), seconds, undefined, velocity / 127)
  }

  /** Frees the audio nodes and samples. */
  dispose(): void {
    this.halt()
    this.metronome.dispose()
    this.#live?.dispose()
    this.sampler.dispose()
    this.buffers.dispose()
    this.output.dispose()
  }

  private finish(): void {
    this.halt()
    this.endListener?.()
  }

  private halt(unmute = true): void {
    clearTimeout(this.stopTimer)
    const transport = Tone.getTransport()
    transport.stop()
    transport.cancel(0)
    transport.loop = false
    this.metronome.cancelCountIn()
    this.sampler.releaseAll()
    if (unmute) this.unmute()
  }

  private unmute(): void {
    const now = Tone.now()
    this.output.gain.cancelScheduledValues(now)
    this.output.gain.setValueAtTime(1, now)
  }
}
