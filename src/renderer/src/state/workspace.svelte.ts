import type { Note, Ticks } from '../../../shared/music/types.ts'
import type { ModelStatus } from '../../../shared/ipc/app.ts'
import { barRangeTicks, barStartTick } from '../../../shared/music/bars.ts'
import { copyNotes, duplicateNotes, pasteNotes, type Clip } from '../commands/clipboard.ts'
import { allNotes, noteExtent } from '../commands/edit.ts'
import { changeVelocity, deleteNotes, moveNotes, quantizeSelection, transposeNotes } from '../commands/notes.ts'
import { gridTicks, type Grid } from '../commands/snap.ts'
import type { ActionId } from '../keys/shortcuts.ts'
import type { Tool } from '../pianoroll/pointer.ts'
import type { Player } from '../audio/Player.ts'
import { ContinueSession } from './continueSession.svelte.ts'
import { Editor } from './editor.svelte.ts'
import { Viewport } from './viewport.svelte.ts'
import { songExtent } from '../pianoroll/extent.ts'

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
  /** The piano roll's tool. */
  tool = $state<Tool>('draw')
  /** The snap grid. */
  grid = $state.raw<Grid>({ division: 16, triplet: false })
  /** Velocity of newly drawn notes. */
  drawVelocity = $state(90)
  /** Loop the selected bars when playing. */
  loop = $state(false)
  /** Scroll along with the playhead. */
  follow = $state(true)
  /** True while playing. */
  playing = $state(false)
  /** Where playback is. */
  playheadTick = $state<Ticks | undefined>(undefined)
  /** What is under the pointer in the roll, for the status bar. */
  hover = $state.raw<{ pitch: number; tick: Ticks } | undefined>(undefined)
  /** The keyboard-shortcut help overlay is open. */
  helpOpen = $state(false)
  /** A short message for the status bar (what just happened, or what went wrong). */
  message = $state<string | undefined>(undefined)
  private messageTimer: ReturnType<typeof setTimeout> | undefined
  /** Where the last click in the note area was (snapped): where Paste puts notes. */
  cursorTick: Ticks = 0
  /** File actions once the files module is wired. */
  files: FileActions | undefined
  /** The About dialog opener. */
  showAbout: () => void = () => undefined

  private clip: Clip = { notes: [], length: 0 }
  private auditioning = false
  private player: Player | undefined
  private playerLoading: Promise<Player> | undefined
  private frame = 0

  constructor(api: Window['api'], model: () => ModelStatus) {
    this.continuation = new ContinueSession(api, this.editor, model)
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
    const player = await this.audio()
    const bars = this.editor.bars
    const loop = this.loop && bars ? barRangeTicks(this.editor.song, bars) : undefined
    try {
      if (!player.playing) this.say('Loading the piano…')
      await player.play(this.editor.song, { fromTick, loop, extra, toTick })
      if (this.message === 'Loading the piano…') this.say(undefined)
    } catch (e) {
      this.say(`Playback failed: ${e instanceof Error ? e.message : String(e)}`, 20)
      return
    }
    this.playing = true
    cancelAnimationFrame(this.frame)
    const tick = () => {
      if (!this.playing) return
      const at = player.position()
      this.playheadTick = at
      if (at !== undefined && this.follow) this.viewport.follow(at)
      this.frame = requestAnimationFrame(tick)
    }
    this.frame = requestAnimationFrame(tick)
  }

  /** Stops playback (with a short fade). */
  stop(): void {
    this.player?.stop()
    this.stopped()
  }

  /** Plays the candidate on show from the start of the selected bars to its end. */
  auditionCandidate(): void {
    const shown = this.continuation.shown
    if (!shown) return
    const bars = this.editor.bars
    const from = bars ? barStartTick(this.editor.song, bars.start) : shown.startTick
    void this.play(from, shown.notes, shown.endTick).then(() => (this.auditioning = true))
  }

  /** Runs an action from a key, the menu or a button. */
  run(action: ActionId): void {
    const e = this.editor
    const sel = e.selection
    switch (action) {
      case 'playStop':
        return this.playing ? this.stop() : void this.play(this.playFrom(false))
      case 'playSelection':
        return void this.play(this.playFrom(true))
      case 'toggleLoop':
        this.loop = !this.loop
        if (this.loop && !e.bars) this.say('Loop is on: select bars on the ruler to loop them.')
        if (this.playing) void this.play(this.playFrom(true))
        return
      case 'toolDraw':
        return void (this.tool = 'draw')
      case 'toolSelect':
        return void (this.tool = 'select')
      case 'toolErase':
        return void (this.tool = 'erase')
      case 'undo':
        return e.undo()
      case 'redo':
        return e.redo()
      case 'cut':
        this.clip = copyNotes(sel)
        return e.apply((song) => deleteNotes(song, sel))
      case 'copy':
        this.clip = copyNotes(sel)
        this.say(sel.size ? `Copied ${sel.size} note${sel.size === 1 ? '' : 's'}.` : 'Nothing selected to copy.')
        return
      case 'paste':
        return e.apply((song) => pasteNotes(song, this.clip, e.bars ? barStartTick(song, e.bars.start) : this.cursorTick))
      case 'duplicate':
        return e.apply((song) => duplicateNotes(song, sel, this.step))
      case 'delete':
        return e.apply((song) => deleteNotes(song, sel))
      case 'selectAll':
        return e.select(allNotes(e.song))
      case 'transposeUp':
      case 'transposeDown':
      case 'octaveUp':
      case 'octaveDown': {
        const semitones = { transposeUp: 1, transposeDown: -1, octaveUp: 12, octaveDown: -12 }[action]
        if (sel.size === 0) return this.viewport.scrollBy(0, -Math.sign(semitones) * this.viewport.view.keyHeight * 3)
        e.apply((song) => transposeNotes(song, sel, semitones))
        const first = [...e.selection][0]
        if (first) this.audition(first.pitch, first.velocity)
        return
      }
      case 'nudgeLeft':
      case 'nudgeRight': {
        const dt = action === 'nudgeLeft' ? -this.step : this.step
        if (sel.size === 0) return this.viewport.scrollBy(dt * this.viewport.view.pxPerTick * 4, 0)
        return e.apply((song) => moveNotes(song, sel, dt, 0))
      }
      case 'velocityUp':
        return e.apply((song) => changeVelocity(song, sel, 8))
      case 'velocityDown':
        return e.apply((song) => changeVelocity(song, sel, -8))
      case 'quantize':
        return e.apply((song) => quantizeSelection(song, sel, gridTicks(this.grid === 'off' ? { division: 16, triplet: false } : this.grid, song.ppq)))
      case 'zoomIn':
        return this.viewport.zoomX(1.25)
      case 'zoomOut':
        return this.viewport.zoomX(0.8)
      case 'fit':
        return this.viewport.fit(e.song)
      case 'zoomKeysIn':
        return this.viewport.zoomY(1.2)
      case 'zoomKeysOut':
        return this.viewport.zoomY(1 / 1.2)
      case 'home':
        return this.viewport.scrollToTick(0)
      case 'end':
        return this.viewport.scrollToTick(songExtent(e.song).end, 0.9)
      case 'continue':
        return void this.continuation.run()
      case 'nextCandidate':
      case 'previousCandidate':
        this.continuation.cycle(action === 'nextCandidate' ? 1 : -1)
        // Cycling while auditioning auditions the next one: compare them by ear.
        if (this.playing && this.auditioning) this.auditionCandidate()
        return
      case 'acceptCandidate':
        return this.continuation.accept()
      case 'auditionCandidate':
        return this.auditionCandidate()
      case 'escape':
        if (this.helpOpen) return void (this.helpOpen = false)
        if (this.continuation.running) return this.continuation.cancel()
        if (this.continuation.shown) return this.continuation.discard()
        e.select([])
        e.bars = undefined
        return
      case 'help':
        return void (this.helpOpen = !this.helpOpen)
      case 'new':
        return this.file((f) => f.newSong())
      case 'open':
        return this.file((f) => f.open())
      case 'save':
        return this.file((f) => f.save())
      case 'saveAs':
        return this.file((f) => f.saveAs())
      case 'exportMidi':
        return this.file((f) => f.exportMidi())
      case 'exportAudio':
        return this.file((f) => f.exportAudio())
    }
  }

  /** Shows a message in the status bar for `seconds` (undefined clears it). */
  say(text: string | undefined, seconds = 8): void {
    clearTimeout(this.messageTimer)
    this.message = text
    if (text !== undefined) this.messageTimer = setTimeout(() => (this.message = undefined), seconds * 1000)
  }

  /** Frees playback. */
  dispose(): void {
    cancelAnimationFrame(this.frame)
    this.player?.dispose()
  }

  private file(action: (files: FileActions) => Promise<void>): void {
    if (!this.files) return this.say('Files are not available yet.')
    action(this.files).catch((error: unknown) => this.say(error instanceof Error ? error.message : String(error), 20))
  }

  private playFrom(fromSelection: boolean): Ticks {
    const bars = this.editor.bars
    if (bars && (fromSelection || this.loop)) return barStartTick(this.editor.song, bars.start)
    if (fromSelection && this.editor.selection.size) return noteExtent(this.editor.selection).start
    return bars ? barStartTick(this.editor.song, bars.start) : 0
  }

  private stopped(): void {
    this.auditioning = false
    this.playing = false
    this.playheadTick = undefined
    cancelAnimationFrame(this.frame)
  }
}
