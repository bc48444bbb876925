import type { BarRange, Note, Song } from '../../../shared/music/types.ts'
import { createSong } from '../../../shared/music/song.ts'
import type { Edit } from '../commands/edit.ts'
import { History } from './history.ts'

/** One undo snapshot: the song and what was selected. */
interface Snapshot {
  song: Song
  selection: ReadonlySet<Note>
}

/**
 * The open document as the editor holds it: the Song (exactly what the files module saves), the
 * selected notes and bars, and undo. Changes arrive only as commands (commands/); each is one undo step.
 */
export class Editor {
  /** The song being edited. Immutable: every change makes a new Song. */
  song = $state.raw<Song>(createSong())
  /** The selected notes, by identity. */
  selection = $state.raw<ReadonlySet<Note>>(new Set())
  /** The bars selected on the ruler, if any. */
  bars = $state.raw<BarRange | undefined>(undefined)
  /** Counts changes; the files module compares it with the revision it last saved. */
  revision = $state(0)
  /** True when undo has a step. */
  canUndo = $state(false)
  /** True when redo has a step. */
  canRedo = $state(false)

  private readonly history = new History<Snapshot>()

  /** Runs a command as one undo step; a command that changes nothing records nothing. */
  apply(command: (song: Song, selection: ReadonlySet<Note>) => Edit): void {
    const before = { song: this.song, selection: this.selection }
    const edit = command(this.song, this.selection)
    if (edit.song !== before.song) {
      this.history.push(before)
      this.revision++
    }
    this.song = edit.song
    this.selection = edit.selection
    this.sync()
  }

  /** Shows an in-progress change (a drag) without recording it; finish with commitFrom. */
  preview(edit: Edit): void {
    this.song = edit.song
    this.selection = edit.selection
  }

  /** Records a finished drag as one undo step, going back to `before` on undo. */
  commitFrom(before: Snapshot): void {
    if (this.song === before.song) return
    this.history.push(before)
    this.revision++
    this.sync()
  }

  /** The current snapshot, for commitFrom. */
  snapshot(): Snapshot {
    return { song: this.song, selection: this.selection }
  }

  /** Replaces the selection (not an undo step: it does not change the song). */
  select(notes: Iterable<Note>): void {
    this.selection = new Set(notes)
  }

  /** Goes back one step. */
  undo(): void {
    const previous = this.history.undo(this.snapshot())
    if (previous) this.restore(previous)
  }

  /** Goes forward one step. */
  redo(): void {
    const next = this.history.redo(this.snapshot())
    if (next) this.restore(next)
  }

  /** Opens a song as a new document: no undo, nothing selected. */
  load(song: Song): void {
    this.history.clear()
    this.song = song
    this.selection = new Set()
    this.bars = undefined
    this.revision++
    this.sync()
  }

  private restore(snapshot: Snapshot): void {
    this.song = snapshot.song
    this.selection = snapshot.selection
    this.revision++
    this.sync()
  }

  private sync(): void {
    this.canUndo = this.history.canUndo
    this.canRedo = this.history.canRedo
  }
}
