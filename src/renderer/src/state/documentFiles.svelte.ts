import type { Song } from '$shared/music/types.ts'
import type { RecentFile } from '$shared/ipc/files.ts'
import { createSong } from '$shared/music/song.ts'
import { barRangeTicks } from '$shared/music/bars.ts'
import {
  Autosave,
  DocumentStatus,
  checkRestore,
  discardRestore,
  exportAudio,
  exportMidi,
  importDroppedFile,
  installCloseGuard,
  listenForDroppedFiles,
  newDocument,
  openFromDialog,
  openLaunched,
  openRecent,
  recentFiles,
  restore,
  save,
  type OpenedSong,
  type ReplaceOptions,
  type Outcome,
  type RestoreOffer,
} from '../files/index.ts'
import { defaultApi, type FilesApi } from '../files/api.ts'
import { songOfBars } from '../exporting/selection.ts'
import type { EditorSong } from './editorSong.ts'
import type { FileActions, Workspace } from './workspace.svelte.ts'

/** What an import changed or left out, for the notice. */
export interface Notice {
  /** The file's name. */
  name: string
  /** One sentence per change or omission. */
  lines: string[]
}

/**
 * The editor's side of files: it calls the files module (src/renderer/src/files) from menus, buttons
 * and drops, and keeps what the UI shows: the document's name, unsaved changes, the import notice,
 * the restore offer and audio export progress.
 */
export class DocumentFiles implements FileActions {
  #name = $state('')
  // The song as last saved or opened: the document has unsaved changes while the editor's differs.
  #savedSong = $state.raw<EditorSong | undefined>(undefined)
  #notice = $state.raw<Notice | undefined>(undefined)
  #restoreOffer = $state.raw<RestoreOffer | undefined>(undefined)
  #renderingAudio = $state(false)
  #audioProgress = $state(0)
  #recent = $state.raw<RecentFile[]>([])
  private readonly status: DocumentStatus

  /** `api` is window.api unless a test passes a fake. */
  constructor(
    private readonly workspace: Workspace,
    private readonly api: FilesApi = defaultApi(),
  ) {
    this.status = new DocumentStatus(api)
    this.#savedSong = workspace.editor.song
  }

  /** The document's name ('' for a new, untitled song). */
  get name(): string {
    return this.#name
  }

  /** What the last import changed or left out, in sentences, until dismissed. */
  get notice(): Notice | undefined {
    return this.#notice
  }

  /** An autosave from a session that did not end cleanly. */
  get restoreOffer(): RestoreOffer | undefined {
    return this.#restoreOffer
  }

  /** Audio export under way. */
  get renderingAudio(): boolean {
    return this.#renderingAudio
  }

  /** How far the audio export is, 0..1. */
  get audioProgress(): number {
    return this.#audioProgress
  }

  /** The recent files, as last fetched. */
  get recent(): readonly RecentFile[] {
    return this.#recent
  }

  /** True when the song has changes not saved to its file (undo back to the saved song clears it). */
  get dirty(): boolean {
    return this.workspace.editor.song !== this.#savedSong
  }

  /** Starts autosave, the close guard, drag and drop and the restore check; returns the teardown. */
  connect(): () => void {
    const editor = this.workspace.editor
    const stopAutosave = new Autosave({ api: this.api, onError: (e) => this.workspace.say(`Autosave failed: ${e}`, 20) }).start(
      () => editor.song,
      () => this.dirty,
    )
    const stopGuard = installCloseGuard(
      () => editor.song,
      (outcome) => this.saved(outcome, editor.song),
      this.api,
    )
    const stopDrop = listenForDroppedFiles((file) => void this.drop(file))
    void checkRestore(this.api).then((offer) => (this.#restoreOffer = offer))
    void openLaunched({ api: this.api }).then((outcome) => this.opened(outcome))
    void this.refreshRecent()
    return () => {
      stopAutosave()
      stopGuard()
      stopDrop()
    }
  }

  /** Tells main about unsaved changes (call from an effect: it reads `dirty`). */
  report(): void {
    void this.status.set(this.dirty)
  }

  /** File > New. */
  async newSong(): Promise<void> {
    const outcome = await newDocument(this.replacing())
    if (outcome.status !== 'done') return this.fail(outcome)
    this.replace(createSong(), outcome.name, false)
    this.#notice = undefined
  }

  /** File > Open. */
  async open(): Promise<void> {
    this.opened(await openFromDialog(this.replacing()))
  }

  /** Opens a recent file by its index in `recent`. */
  async openRecent(index: number): Promise<void> {
    this.opened(await openRecent(index, this.replacing()))
  }

  /** File > Save. */
  async save(): Promise<void> {
    const song = this.workspace.editor.song
    this.saved(await save(song, { api: this.api }), song)
  }

  /** File > Save As. */
  async saveAs(): Promise<void> {
    const song = this.workspace.editor.song
    this.saved(await save(song, { saveAs: true, api: this.api }), song)
  }

  /** File > Export MIDI: the selected bars if any, else the whole song. */
  async exportMidi(): Promise<void> {
    const { song, bars } = this.workspace.editor
    const part = bars ? songOfBars(song, bars) : song
    const outcome = await exportMidi(part, {
      suggestedName: this.suggested(bars ? `bars ${bars.start + 1}-${bars.end}` : '', 'mid'),
      api: this.api,
    })
    if (outcome.status === 'done') this.workspace.say(`Exported ${outcome.name}.`)
    else this.fail(outcome)
  }

  /** Export audio: the selected bars or the whole song, rendered offline with the playback piano, as WAV. */
  async exportAudio(): Promise<void> {
    if (this.#renderingAudio) return
    const { song, bars } = this.workspace.editor
    this.#renderingAudio = true
    this.#audioProgress = 0
    this.workspace.say('Rendering audio…', 3600)
    try {
      const player = await this.workspace.audio()
      await player.loaded()
      const { renderWav } = await import('../audio/renderAudio.ts')
      const range = bars ? barRangeTicks(song, bars) : undefined
      const wav = await renderWav(
        song,
        player.buffers,
        range ? { from: range.start, to: range.end } : undefined,
        (done) => (this.#audioProgress = done),
      )
      const outcome = await exportAudio(wav, {
        suggestedName: this.suggested(bars ? `bars ${bars.start + 1}-${bars.end}` : '', 'wav'),
        api: this.api,
      })
      if (outcome.status === 'done') this.workspace.say(`Exported ${outcome.name}.`)
      else if (outcome.status === 'canceled') this.workspace.say(undefined)
      else this.fail(outcome)
    } catch (e) {
      this.workspace.say(`Audio export failed: ${e instanceof Error ? e.message : String(e)}`, 20)
    } finally {
      this.#renderingAudio = false
    }
  }

  /** Restore the autosave offered at start-up (it stays unsaved). */
  async acceptRestore(): Promise<void> {
    this.#restoreOffer = undefined
    const outcome = await restore(this.api)
    if (outcome.status !== 'done') return this.fail(outcome)
    this.replace(outcome.song, outcome.name, true)
    this.workspace.say(`Restored ${outcome.name || 'the song'}; save it to keep it.`, 15)
  }

  /** Decline the autosave (it is deleted). */
  async declineRestore(): Promise<void> {
    this.#restoreOffer = undefined
    await discardRestore(this.api)
  }

  /** Fetches the recent files for the Open Recent list. */
  async refreshRecent(): Promise<void> {
    this.#recent = await recentFiles(this.api)
  }

  /** Hides the import notice. */
  dismissNotice(): void {
    this.#notice = undefined
  }

  private async drop(file: File): Promise<void> {
    this.opened(await importDroppedFile(file, this.replacing()))
  }

  private opened(outcome: Outcome<OpenedSong>): void {
    if (outcome.status !== 'done') return this.fail(outcome)
    this.replace(outcome.song, outcome.name, false)
    this.#notice = { name: outcome.name, lines: outcome.notice }
    void this.refreshRecent()
  }

  private replace(song: Song, name: string, dirty: boolean): void {
    this.workspace.stop()
    this.workspace.continuation.discard()
    this.workspace.editor.load(song)
    this.workspace.viewport.fit(song)
    this.#name = name
    // The editor's song is the loaded one with ids on its notes: that is the one saved.
    this.#savedSong = dirty ? undefined : this.workspace.editor.song
    this.status.reset(dirty)
  }

  private saved(outcome: Outcome<{ name: string }>, song: EditorSong): void {
    if (outcome.status !== 'done') return this.fail(outcome)
    this.#savedSong = song
    this.#name = outcome.name
    // Main marked the file saved; if the song changed while saving, report() tells it so again.
    this.status.reset(false)
    this.report()
    this.workspace.say(`Saved ${outcome.name}.`)
    void this.refreshRecent()
  }

  /** The options of an action that replaces the document: it may save the current song first. */
  private replacing(): ReplaceOptions {
    return { current: () => this.workspace.editor.song, api: this.api }
  }

  private fail(outcome: Outcome): void {
    if (outcome.status === 'failed') this.workspace.say(outcome.error, 20)
  }

  private suggested(suffix: string, extension: string): string {
    const base = (this.#name || 'Untitled').replace(/\.(mid|midi|kar|rmi)$/i, '')
    return `${base}${suffix ? ` ${suffix}` : ''}.${extension}`
  }
}
