import type { BarRange, Song } from '$shared/music/types.ts'
import { createSong } from '$shared/music/song.ts'
import type { Command, Edit } from '../commands/edit.ts'
import { History } from './history.ts'
import { notesWithIds, withNoteIds, type EditorNote, type EditorSong, type NoteId } from './editorSong.ts'

/** One undo snapshot: the song and which notes were selected. */
export interface Snapshot {
  /** The song as it was. */
  song: EditorSong
  /** The ids of the notes selected then. */
  selection: ReadonlySet<NoteId>
}

/**
 * The open document as the editor holds it: the song (with an id on every note; the files module
 * saves it without them), the selected notes and bars, and undo. The song changes only through
 * commands (commands/); each is one undo step.
 */
export class Editor {
  #song = $state.raw<EditorSong>(withNoteIds(createSong()))
  #selection = $state.raw<ReadonlySet<NoteId>>(new Set())
  #bars = $state.raw<BarRange | undefined>(undefined)
  #revision = $state(0)
  readonly #history = new History<Snapshot>()
  #selectedNotes = $derived(notesWithIds(this.#song, this.#selection))
  // The history holds no runes, but it changes only along with the revision: reading that keeps these current.
  #canUndo = $derived.by(() => {
    void this.#revision
    return this.#history.canUndo
  })
  #canRedo = $derived.by(() => {
    void this.#revision
    return this.#history.canRedo
  })

  /** The song being edited. Immutable: every change makes a new song. */
  get song(): EditorSong {
    return this.#song
  }

  /** The ids of the selected notes. */
  get selection(): ReadonlySet<NoteId> {
    return this.#selection
  }

  /** The selected notes themselves, in song order. */
  get selectedNotes(): readonly EditorNote[] {
    return this.#selectedNotes
  }

  /** The bars selected on the ruler, if any. */
  get bars(): BarRange | undefined {
    return this.#bars
  }

  /** Counts changes: every undo step, undo, redo and load. */
  get revision(): number {
    return this.#revision
  }

  /** True when undo has a step. */
  get canUndo(): boolean {
    return this.#canUndo
  }

  /** True when redo has a step. */
  get canRedo(): boolean {
    return this.#canRedo
  }

  /** Runs a command as one undo step; a command that changes nothing records nothing. */
  apply(command: Command): void {
    const before = this.snapshot()
    const edit = command(this.#song, this.#selection)
    if (edit.song !== before.song) this.#record(before)
    this.#show(edit)
  }

  /** Shows an in-progress change (a drag) without recording it; finish with commitFrom. */
  preview(edit: Edit): void {
    this.#show(edit)
  }

  /** Records a finished drag as one undo step, going back to `before` on undo. */
  commitFrom(before: Snapshot): void {
    if (this.#song !== before.song) this.#record(before)
  }

  /** The current snapshot, for commitFrom. */
  snapshot(): Snapshot {
    return { song: this.#song, selection: this.#selection }
  }

  /** Replaces the selection (not an undo step: it does not change the song). */
  select(ids: Iterable<NoteId>): void {
    this.#selection = new Set(ids)
  }

  /** Selects bars on the ruler (undefined clears them; not an undo step). */
  selectBars(range: BarRange | undefined): void {
    this.#bars = range
  }

  /** Goes back one step. */
  undo(): void {
    const previous = this.#history.undo(this.snapshot())
    if (previous) this.#restore(previous)
  }

  /** Goes forward one step. */
  redo(): void {
    const next = this.#history.redo(this.snapshot())
    if (next) this.#restore(next)
  }

  /** Opens a song as a new document (its notes get ids): no undo, nothing selected. */
  load(song: Song): void {
    this.#history.clear()
    this.#song = withNoteIds(song)
    this.#selection = new Set()
    this.#bars = undefined
    this.#revision++
  }

  #record(before: Snapshot): void {
    this.#history.push(before)
    this.#revision++
  }

  #show(edit: Edit): void {
    this.#song = edit.song
    this.#selection = edit.selection
  }

  #restore(snapshot: Snapshot): void {
    this.#show(snapshot)
    this.#revision++
  }
}
