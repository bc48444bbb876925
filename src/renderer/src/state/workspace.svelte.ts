import type { Note, Ticks } from '$shared/music/types.ts'
import type { ModelStatus } from '$shared/ipc/app.ts'
import { barRangeTicks, barStartTick } from '$shared/music/bars.ts'
import type { Clip } from '../commands/clipboard.ts'
import { noteExtent } from '../commands/edit.ts'
import { gridTicks, type Grid } from '../commands/snap.ts'
import type { ActionId } from '../keys/shortcuts.ts'
import type { Tool } from '../pianoroll/pointer.ts'
import type { Player, PlayOptions, PlayStart } from '../audio/Player.ts'
import { MidiThru } from '../midi/thru.ts'
import { ContinueSession, type ContinueApi } from './continueSession.svelte.ts'
import { Editor } from './editor.svelte.ts'
import { Viewport } from './viewport.svelte.ts'
import { runAction } from './actions.ts'
import { browserMidiEnvironment, MidiInput, type MidiEnvironment } from './midiInput.svelte.ts'
import { Recorder } from './recorder.svelte.ts'

/** Where the pointer is over the notes: the key and the tick. */
export interface Hover {
  /** The key under the pointer. */
  pitch: number
  /** The tick under the pointer. */
  tick: Ticks
}

/** File actions, provided by the files module (src/renderer/src/files). */
export interface FileActions {
  newSong(): Promise<void>
  open(): Promise<void>
  save(): Promise<void>
  saveAs(): Promise<void>
  exportMidi(): Promise<void>
  exportAudio(): Promise<void>
}

/**
 * The whole editor: the document, the view, the tools, playback and Continue, and the one place that
 * turns an action (key, menu, button) into a command.
 */
export class Workspace {
  /** The document and undo. */
  readonly editor = new Editor()
  /** Scroll and zoom. */
  readonly viewport = new Viewport()
  /** Continue: settings, progress, candidates. */
  readonly continuation: ContinueSession
  /** The MIDI keyboard: its keys are heard (MIDI thru) and recorded. */
  readonly midi: MidiInput
  /** Recording takes from the MIDI keyboard. */
  readonly recorder: Recorder
  readonly #thru = new MidiThru(() => this.player?.live)
  #metronome = $state(false)
  #tool = $state<Tool>('draw')
  #grid = $state.raw<Grid>({ division: 16, triplet: false })
  #drawVelocity = $state(90)
  #loop = $state(false)
  #follow = $state(true)
  #playing = $state(false)
  #playheadTick = $state<Ticks | undefined>(undefined)
  #hover = $state.raw<Hover | undefined>(undefined)
  #helpOpen = $state(false)
  #message = $state<string | undefined>(undefined)
  private messageTimer: ReturnType<typeof setTimeout> | undefined
  /** Where the last click in the note area was (snapped): where Paste puts notes. */
  cursorTick: Ticks = 0
  /** File actions once the files module is wired. */
  files: FileActions | undefined
  /** The About dialog opener. */
  showAbout: () => void = () => undefined

  /** What Copy and Cut last took. */
  clipboard: Clip = { notes: [], length: 0 }
  /** True while the candidate on show is being auditioned (cycling then auditions the next). */
  auditioning = false
  private player: Player | undefined
  private playerLoading: Promise<Player> | undefined
  private frame = 0

  constructor(api: ContinueApi, model: () => ModelStatus, midi: MidiEnvironment = browserMidiEnvironment()) {
    this.continuation = new ContinueSession(api, this.editor, model)
    this.midi = new MidiInput(midi, (text) => this.say(text))
    this.recorder = new Recorder({
      editor: this.editor,
      transport: {
        start: async (tick, countIn) => (await this.#start({ fromTick: tick, countIn, open: true }))?.heardAtMs,
        stop: () => this.#stopPlayback(),
      },
      grid: () => this.#grid,
      say: (text) => this.say(text),
    })
    this.midi.onEvent((event, at) => {
      if (!this.player) void this.audio() // the first key loads the piano; later ones are heard
      this.#thru.handle(event)
      this.recorder.input(event, at)
    })
    this.midi.onLost(() => this.#thru.releaseAll())
  }

  /** The metronome clicks along with playback and recording. */
  get metronome(): boolean {
    return this.#metronome
  }

  /** Turns the metronome on or off (at once, also while playing). */
  setMetronome(on: boolean): void {
    this.#metronome = on
    if (this.player) this.player.metronome.enabled = on
  }

  /** The piano roll's tool. */
  get tool(): Tool {
    return this.#tool
  }

  /** The snap grid. */
  get grid(): Grid {
    return this.#grid
  }

  /** Velocity of newly drawn notes. */
  get drawVelocity(): number {
    return this.#drawVelocity
  }

  /** Loop the selected bars when playing. */
  get loop(): boolean {
    return this.#loop
  }

  /** Scroll along with the playhead. */
  get follow(): boolean {
    return this.#follow
  }

  /** True while playing. */
  get playing(): boolean {
    return this.#playing
  }

  /** Where playback is. */
  get playheadTick(): Ticks | undefined {
    return this.#playheadTick
  }

  /** What is under the pointer in the roll, for the status bar. */
  get hover(): Hover | undefined {
    return this.#hover
  }

  /** The keyboard-shortcut help overlay is open. */
  get helpOpen(): boolean {
    return this.#helpOpen
  }

  /** A short message for the status bar (what just happened, or what went wrong). */
  get message(): string | undefined {
    return this.#message
  }

  /** Picks the piano roll's tool. */
  setTool(tool: Tool): void {
    this.#tool = tool
  }

  /** Picks the snap grid. */
  setGrid(grid: Grid): void {
    this.#grid = grid
  }

  /** Sets the velocity of newly drawn notes. */
  setDrawVelocity(velocity: number): void {
    this.#drawVelocity = velocity
  }

  /** Turns looping of the selected bars on or off. */
  setLoop(on: boolean): void {
    this.#loop = on
  }

  /** Turns scrolling with the playhead on or off. */
  setFollow(on: boolean): void {
    this.#follow = on
  }

  /** Says what is under the pointer (undefined: the pointer left the notes). */
  setHover(hover: Hover | undefined): void {
    this.#hover = hover
  }

  /** Opens or closes the keyboard-shortcut help. */
  setHelpOpen(open: boolean): void {
    this.#helpOpen = open
  }

  /** Ticks of one grid step (a beat when snapping is off, for arrow-key nudges). */
  get step(): number {
    const song = this.editor.song
    return this.grid === 'off' ? song.ppq / 4 : gridTicks(this.grid, song.ppq)
  }

  /** The player, created (and its samples loaded) on first use, inside a user gesture. */
  async audio(): Promise<Player> {
    if (this.player) return this.player
    this.playerLoading ??= import('../audio/Player.ts').then(({ Player }) => {
      this.player = new Player()
      this.player.onEnd(() => this.stopped())
      return this.player
    })
    return this.playerLoading
  }

  /** Sounds one key. */
  audition(pitch: number, velocity: number): void {
    void this.audio().then((p) => p.audition(pitch, velocity))
  }

  /** Plays from `fromTick` (looping the selected bars when loop is on), with optional extra notes. */
  async play(fromTick: Ticks, extra?: readonly Note[], toTick?: Ticks): Promise<void> {
    this.auditioning = false
    if (this.recorder.active) this.recorder.stop()
    const bars = this.editor.bars
    const loop = this.loop && bars ? barRangeTicks(this.editor.song, bars) : undefined
    await this.#start({ fromTick, loop, extra, toTick })
  }

  /** Starts the player (the metronome as set) and the playhead; undefined when playback failed. */
  async #start(options: PlayOptions): Promise<PlayStart | undefined> {
    const player = await this.audio()
    player.metronome.enabled = this.#metronome
    let start: PlayStart
    try {
      if (!player.playing) this.say('Loading the piano…')
      start = await player.play(this.editor.song, options)
      if (this.#message === 'Loading the piano…') this.say(undefined)
    } catch (e) {
      this.say(`Playback failed: ${e instanceof Error ? e.message : String(e)}`, 20)
      return undefined
    }
    this.#playing = true
    cancelAnimationFrame(this.frame)
    const tick = () => {
      if (!this.#playing) return
      this.showPlayhead(player.position())
      this.frame = requestAnimationFrame(tick)
    }
    this.frame = requestAnimationFrame(tick)
    return start
  }

  /** Moves the playhead (undefined hides it) and, with Follow on, scrolls to keep it in view: playback and recording call it every frame. */
  showPlayhead(tick: Ticks | undefined): void {
    this.#playheadTick = tick
    if (tick !== undefined && this.#follow) this.viewport.follow(tick)
  }

  /** Stops playback (with a short fade); while recording, stops and keeps the take. */
  stop(): void {
    if (this.recorder.active) return this.recorder.stop()
    this.#stopPlayback()
  }

  #stopPlayback(): void {
    this.player?.stop()
    this.stopped()
  }

  /** Continues the selected bars and scrolls the new candidate into view. */
  async continueSelection(): Promise<void> {
    const before = this.continuation.shown
    await this.continuation.run()
    const shown = this.continuation.shown
    if (shown && shown !== before) this.viewport.reveal(shown.startTick, shown.endTick)
  }

  /** Plays the candidate on show from the start of the selected bars to its end. */
  auditionCandidate(): void {
    const shown = this.continuation.shown
    if (!shown) return
    const bars = this.editor.bars
    const from = bars ? barStartTick(this.editor.song, bars.start) : shown.startTick
    void this.play(from, shown.notes, shown.endTick).then(() => (this.auditioning = true))
  }

  /** Runs an action from a key, the menu or a button (see actions.ts). */
  run(action: ActionId): void {
    runAction(this, action)
  }

  /** Shows a message in the status bar for `seconds` (undefined clears it). */
  say(text: string | undefined, seconds = 8): void {
    clearTimeout(this.messageTimer)
    this.#message = text
    if (text !== undefined) this.messageTimer = setTimeout(() => (this.#message = undefined), seconds * 1000)
  }

  /** Frees playback and MIDI input. */
  dispose(): void {
    cancelAnimationFrame(this.frame)
    this.midi.dispose()
    this.player?.dispose()
  }

  /** Runs a file action, or says files are not available. */
  withFiles(action: (files: FileActions) => Promise<void>): void {
    if (!this.files) return this.say('Files are not available yet.')
    action(this.files).catch((error: unknown) => this.say(error instanceof Error ? error.message : String(error), 20))
  }

  /** Where Play starts: the selected bars (or notes, from the selection), else the start. */
  playFrom(fromSelection: boolean): Ticks {
    const bars = this.editor.bars
    if (bars && (fromSelection || this.#loop)) return barStartTick(this.editor.song, bars.start)
    if (fromSelection && this.editor.selection.size) return noteExtent(this.editor.selectedNotes).start
    return bars ? barStartTick(this.editor.song, bars.start) : 0
  }

  private stopped(): void {
    this.auditioning = false
    this.#playing = false
    this.#playheadTick = undefined
    cancelAnimationFrame(this.frame)
  }
}
