import type { Ticks } from '$shared/music/types.ts'
import { barAtTick } from '$shared/music/bars.ts'
import { recordTake, type RecordMode, type Take } from '../commands/record.ts'
import { noteExtent } from '../commands/edit.ts'
import type { Grid } from '../commands/snap.ts'
import type { MidiEvent } from '../midi/messages.ts'
import { takeNotes } from '../midi/take.ts'
import { takeClock, tickAt, type TakeClock } from '../midi/takeClock.ts'
import type { Editor, Snapshot } from './editor.svelte.ts'

/** Where recording is: not recording, counting in, or recording. */
export type RecorderState = 'idle' | 'countIn' | 'recording'

/** What the recorder needs from playback (the Workspace gives it). */
export interface TakeTransport {
  /**
   * Plays from `fromTick` on until stopped, after a bar of count-in clicks when asked; resolves to the
   * page time (performance.now, ms) at which `fromTick` is heard, or undefined when it could not start.
   */
  start(fromTick: Ticks, countIn: boolean): Promise<number | undefined>
  /** Stops playback. */
  stop(): void
}

/** The recorder's surroundings, injected so tests can stand in for them. */
export interface RecorderDeps {
  editor: Editor
  transport: TakeTransport
  /** The snap grid: quantize on record snaps to it. */
  grid: () => Grid
  /** Says what happened, in the status bar. */
  say: (text: string) => void
  /** The page clock (performance.now, ms). */
  now?: () => number
}

/** How often a take on show is redrawn while keys are down, so held notes grow (ms). */
const REDRAW_MS = 250

/**
 * Records takes from the MIDI keyboard into the song at the playhead: a bar of count-in clicks, then
 * the keys and pedal as notes (shown as they are played), optionally snapped to the grid, added to the
 * song or in place of what was there. Each take is one undo step; afterwards its bars are selected,
 * ready for Continue. The logic is in midi/take.ts and commands/record.ts; this is the wiring.
 */
export class Recorder {
  #state = $state<RecorderState>('idle')
  #countIn = $state(true)
  #quantize = $state(false)
  #mode = $state<RecordMode>('overdub')
  #takeStartMs = $state<number | undefined>(undefined)
  #clock: TakeClock | undefined
  #before: Snapshot | undefined
  #events: { ms: number; event: MidiEvent }[] = []
  #countInTimer: ReturnType<typeof setTimeout> | undefined
  #redrawTimer: ReturnType<typeof setInterval> | undefined
  readonly #now: () => number

  /** Records into `deps.editor`, playing through `deps.transport`. */
  constructor(private readonly deps: RecorderDeps) {
    this.#now = deps.now ?? (() => performance.now())
  }

  /** Where recording is. */
  get state(): RecorderState {
    return this.#state
  }

  /** True while counting in or recording. */
  get active(): boolean {
    return this.#state !== 'idle'
  }

  /** A bar of count-in clicks before recording. */
  get countIn(): boolean {
    return this.#countIn
  }

  /** Snap the take to the grid. */
  get quantize(): boolean {
    return this.#quantize
  }

  /** Add the take to the song, or put it in place of what was there. */
  get mode(): RecordMode {
    return this.#mode
  }

  /** The page time (performance.now, ms) at which the take's first tick is heard, once known. */
  get takeStartMs(): number | undefined {
    return this.#takeStartMs
  }

  /** Turns the count-in on or off. */
  setCountIn(on: boolean): void {
    this.#countIn = on
  }

  /** Turns quantize on record on or off. */
  setQuantize(on: boolean): void {
    this.#quantize = on
  }

  /** Chooses overdub or replace. */
  setMode(mode: RecordMode): void {
    this.#mode = mode
  }

  /** Starts a take at `fromTick` (counting in first when the count-in is on). */
  async start(fromTick: Ticks): Promise<void> {
    if (this.active) return
    this.#before = this.deps.editor.snapshot()
    this.#events = []
    this.#state = 'countIn'
    const startMs = await this.deps.transport.start(fromTick, this.#countIn)
    if (!this.active) {
      // Stopped while playback was starting (the piano loading): stop what has just started.
      if (startMs !== undefined) this.deps.transport.stop()
      return
    }
    if (startMs === undefined) return this.#reset()
    this.#clock = takeClock(this.#before.song, fromTick, startMs)
    this.#takeStartMs = startMs
    const wait = startMs - this.#now()
    const recording = () => {
      if (this.#state === 'countIn') this.#state = 'recording'
    }
    if (wait > 0) this.#countInTimer = setTimeout(recording, wait)
    else recording()
    this.#redrawTimer = setInterval(() => {
      if (this.#events.length > 0) this.#show()
    }, REDRAW_MS)
    this.#show()
  }

  /** Takes a key or pedal event from the keyboard (ignored unless counting in or recording). */
  input(event: MidiEvent, timeStamp: number): void {
    if (!this.active) return
    this.#events.push({ ms: timeStamp, event })
    this.#show()
  }

  /** Stops the take and writes it into the song as one undo step; its bars are selected. */
  stop(): void {
    if (!this.active) return
    const { editor } = this.deps
    const before = this.#before
    const take = this.#take(this.#now())
    this.deps.transport.stop()
    this.#reset()
    if (!before || !take) return
    if (take.notes.length === 0) {
      editor.preview(before)
      return this.deps.say('Nothing was played, so nothing was recorded.')
    }
    editor.preview(recordTake(before.song, take, this.#mode))
    editor.commitFrom(before)
    const played = noteExtent(take.notes)
    const first = barAtTick(editor.song, played.start)
    const last = barAtTick(editor.song, played.end - 1)
    editor.selectBars({ start: first, end: last + 1 })
    const bars = last > first ? `bars ${first + 1}–${last + 1}` : `bar ${first + 1}`
    this.deps.say(
      `Recorded ${take.notes.length} note${take.notes.length === 1 ? '' : 's'} in ${bars}, selected: press Continue to go on from them.`,
    )
  }

  /** Starts a take at `fromTick`, or stops the one going on. */
  toggle(fromTick: Ticks): void {
    if (this.active) this.stop()
    else void this.start(fromTick)
  }

  /** The take so far, ending at page time `ms`. */
  #take(ms: number): Take | undefined {
    const clock = this.#clock
    if (!clock) return undefined
    const endTick = Math.max(clock.startTick, tickAt(clock, ms))
    const grid = this.deps.grid()
    const events = this.#events.map(({ ms: at, event }) => ({ tick: tickAt(clock, at), event }))
    const quantize = this.#quantize ? { meter: this.#before?.song ?? this.deps.editor.song, grid } : undefined
    return { notes: takeNotes(events, { startTick: clock.startTick, endTick, quantize }), startTick: clock.startTick, endTick }
  }

  /** Shows the take so far in the roll (not an undo step: stop() makes the one); nothing changes until a key is played. */
  #show(): void {
    const take = this.#take(this.#now())
    const before = this.#before
    if (!take || !before) return
    this.deps.editor.preview(take.notes.length > 0 ? recordTake(before.song, take, this.#mode) : before)
  }

  #reset(): void {
    clearTimeout(this.#countInTimer)
    clearInterval(this.#redrawTimer)
    this.#state = 'idle'
    this.#takeStartMs = undefined
    this.#clock = undefined
    this.#before = undefined
    this.#events = []
  }
}
