import { readFile, stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { importMidi, MidiImportError, exportMidi } from '../../shared/midi/index.ts'
import {
  FILE_LIMITS,
  songSchema,
  type Canceled,
  type FilesEvents,
  type FilesResponses,
  type Opened,
  type Written,
} from '../../shared/ipc/files.ts'
import type { Song } from '../../shared/music/types.ts'
import { describeInvalid } from '../../shared/ipc/result.ts'
import { midiFileName, wavFileName } from '../../shared/fileNames.ts'
import { writeFileAtomic } from './atomicWrite.ts'
import { AutosaveStore } from './autosaveStore.ts'
import { withExtension, type Dialogs, type SaveKind } from './dialogs.ts'
import { DocumentState } from './documentState.ts'
import type { FileCopies } from './fileCopies.ts'
import { describeFsError } from './fsErrors.ts'
import { RecentFiles } from './recentFiles.ts'

/** What the file service needs from the app around it. */
export interface FileServiceOptions {
  /** The app's data folder (app.getPath('userData') in Electron): autosave and the recent list live here. */
  dataDir: string
  /** The dialogs, real or answered by a test. */
  dialogs: Dialogs
  /** Called whenever the title or the unsaved marker changes. */
  onDocumentChange?(document: { title: string; name: string; dirty: boolean; path: string | undefined }): void
  /** Asks the renderer to save before closing (the user chose Save when closing). */
  requestSave?(payload: FilesEvents['file:saveBeforeClose']): void
  /** Closes the window for real, after the unsaved changes were saved or discarded. */
  closeWindow?(): void
  /** The close was abandoned: the user chose Cancel, or the save it asked for was canceled or failed (a pending quit should stop). */
  closeAbandoned?(): void
  /** A MIDI file named at launch (`neural-piano studio FILE.mid`): `file:launched` opens it once. */
  launchFile?: string
  /** Browser mode: files the page opens or saves are kept here, so that Open Recent can reopen them. */
  copies?: FileCopies
}

/** A file operation's answer: the payload, or a plain-words error (the current song stays as it was). */
type Answer<T> = ({ ok: true } & T) | { ok: false; error: string }

const canceled: Canceled = { canceled: true }

/** Files that never lose work: open, save atomically, export, autosave, recent files, the close guard. */
export class FileService {
  /** The current document. */
  readonly document = new DocumentState()
  /** The autosave in the data folder. */
  readonly autosave: AutosaveStore
  /** The recent files list. */
  readonly recent: RecentFiles
  private closeAfterSave = false
  private closing = false
  private launchedOpened = false

  constructor(private readonly options: FileServiceOptions) {
    this.autosave = new AutosaveStore(options.dataDir)
    this.recent = new RecentFiles(options.dataDir)
  }

  /** `file:new`: an untitled document. */
  async newFile(): Promise<Answer<FilesResponses['file:new']>> {
    const guard = await this.guardUnsaved()
    if (guard) return { ok: true, ...guard }
    this.document.reset(undefined)
    this.changed()
    return { ok: true, canceled: false, name: this.document.name }
  }

  /** `file:open`: the open dialog, then the chosen file. */
  async open(): Promise<Answer<FilesResponses['file:open']>> {
    const guard = await this.guardUnsaved()
    if (guard) return { ok: true, ...guard }
    const path = await this.options.dialogs.showOpen()
    if (!path) return { ok: true, ...canceled }
    return this.openPath(path)
  }

  /** `file:openRecent`: the recent file at `index`. */
  async openRecent(index: number): Promise<Answer<FilesResponses['file:openRecent']>> {
    const path = await this.recent.pathAt(index)
    if (!path) return { ok: false, error: `there is no recent file number ${index + 1}` }
    const guard = await this.guardUnsaved()
    if (guard) return { ok: true, ...guard }
    return this.openPath(path)
  }

  /** `file:recent`. */
  async recentFiles(): Promise<Answer<FilesResponses['file:recent']>> {
    return { ok: true, files: await this.recent.list() }
  }

  /** `file:importBytes`: a dropped file, which becomes an untitled document named after it. */
  async importBytes(name: string, bytes: Uint8Array): Promise<Answer<FilesResponses['file:importBytes']>> {
    const guard = await this.guardUnsaved()
    if (guard) return { ok: true, ...guard }
    const fileName = basename(name.replaceAll('\\', '/')) || 'dropped.mid'
    const imported = decode(fileName, bytes)
    if (!imported.ok) return imported
    // A dropped file's path is not known to main, so Save asks where to write (Save As).
    this.document.reset(undefined, fileName)
    this.changed()
    await this.keepCopy(fileName, bytes)
    return { ok: true, canceled: false, ...imported.value, name: fileName }
  }

  /** `file:launched`: the file named at launch, the first time it is asked for; canceled after that or without one. */
  async openLaunched(): Promise<Answer<FilesResponses['file:launched']>> {
    const path = this.options.launchFile
    if (!path || this.launchedOpened) return { ok: true, ...canceled }
    this.launchedOpened = true
    return this.openPath(path)
  }

  /** `file:savedByPage`: browser mode; the page wrote these bytes where the user chose, so the document is saved. */
  async savedByPage(name: string, bytes: Uint8Array): Promise<Answer<FilesResponses['file:savedByPage']>> {
    const fileName = basename(name.replaceAll('\\', '/')) || midiFileName(this.document.name)
    this.document.reset(undefined, fileName)
    this.changed()
    await this.keepCopy(fileName, bytes)
    await this.autosave.discard().catch(() => undefined)
    return { ok: true, canceled: false, name: fileName }
  }

  /** `file:save`: to the document's file, or through the save dialog (Save As, or no file yet). */
  async save(song: Song, saveAs: boolean): Promise<Answer<FilesResponses['file:save']>> {
    // A file whose folder was moved or deleted since: ask where to save rather than fail.
    const current = !saveAs && this.document.path && (await isFolder(dirname(this.document.path))) ? this.document.path : undefined
    const path = current ?? (await this.askSavePath(midiFileName(this.document.name), 'midi'))
    if (!path) return this.saveEnded({ ok: true, ...canceled })
    const written = await this.writeTo(path, exportMidi(song), 'save')
    if (!written.ok) return this.saveEnded(written)
    this.document.reset(path)
    this.changed()
    // The work is on disk now; a failing list or cleanup must not turn the save into an error.
    await this.recent.add(path).catch(() => undefined)
    await this.autosave.discard().catch(() => undefined)
    return this.saveEnded(written)
  }

  /** `file:exportMidi`: a song (or part of one) to a file of the user's choice; the document is unchanged. */
  async exportMidi(song: Song, suggestedName: string | undefined): Promise<Answer<FilesResponses['file:exportMidi']>> {
    const path = await this.askSavePath(midiFileName(suggestedName ?? this.document.name), 'midi')
    if (!path) return { ok: true, ...canceled }
    return this.writeTo(path, exportMidi(song), 'export')
  }

  /** `file:exportAudio`: rendered WAV bytes to a file of the user's choice. */
  async exportAudio(wav: Uint8Array, suggestedName: string | undefined): Promise<Answer<FilesResponses['file:exportAudio']>> {
    const path = await this.askSavePath(wavFileName(suggestedName ?? this.document.name), 'wav')
    if (!path) return { ok: true, ...canceled }
    return this.writeTo(path, wav, 'export')
  }

  /** `document:state`: the renderer says whether there are unsaved changes (and may rename an untitled document). */
  setState(dirty: boolean, name: string | undefined): Answer<FilesResponses['document:state']> {
    this.document.dirty = dirty
    if (name !== undefined && name.trim() && !this.document.path) this.document.name = name.trim()
    this.changed()
    return { ok: true, title: this.document.title }
  }

  /** `autosave:write`. */
  async writeAutosave(song: Song): Promise<Answer<FilesResponses['autosave:write']>> {
    const savedAt = Date.now()
    const { name, path } = this.document
    try {
      await this.autosave.write({ name, ...(path ? { path } : {}), savedAt, song })
    } catch (error) {
      return { ok: false, error: describeFsError('autosave', name, error) }
    }
    return { ok: true, savedAt }
  }

  /** `autosave:check`: whether a session that did not end cleanly left an autosave. */
  async checkAutosave(): Promise<Answer<FilesResponses['autosave:check']>> {
    const info = await this.autosave.info()
    return info ? { ok: true, available: true, ...info } : { ok: true, available: false }
  }

  /** `autosave:restore`: the autosave becomes the current document, with unsaved changes. */
  async restoreAutosave(): Promise<Answer<FilesResponses['autosave:restore']>> {
    const entry = await this.autosave.read()
    if (!entry) return { ok: false, error: 'there is no autosaved song to restore' }
    this.document.reset(entry.path, entry.name)
    this.document.dirty = true
    this.changed()
    return { ok: true, song: entry.song, name: entry.name, savedAt: entry.savedAt }
  }

  /** `autosave:discard`. */
  async discardAutosave(): Promise<Answer<FilesResponses['autosave:discard']>> {
    return { ok: true, discarded: await this.autosave.discard() }
  }

  /** Whether the window may close now (no unsaved changes, or the user already decided). */
  canClose(): boolean {
    return this.closing || !this.document.dirty
  }

  /**
   * The window is closing with unsaved changes: asks the user. Save asks the renderer to save and
   * closes once that save succeeds; Don't Save deletes the autosave and closes; Cancel keeps it open.
   */
  async requestClose(): Promise<void> {
    if (this.canClose()) return this.close()
    const choice = await this.options.dialogs.confirmClose(this.document.name)
    if (choice === 'discard') {
      await this.autosave.discard().catch(() => undefined)
      return this.close()
    }
    if (choice === 'save') {
      this.closeAfterSave = true
      this.options.requestSave?.({ name: this.document.name })
      return
    }
    this.options.closeAbandoned?.()
  }

  /** The window closed (after canClose or the user's choice): the next window starts a fresh document. */
  windowClosed(): void {
    this.closing = false
    this.closeAfterSave = false
    this.document.reset(undefined)
  }

  /** A clean exit: without unsaved changes nothing needs restoring next time. */
  async shutdown(): Promise<void> {
    if (!this.document.dirty) await this.autosave.discard().catch(() => undefined)
  }

  private close(): void {
    this.closing = true
    this.options.closeWindow?.()
  }

  private saveEnded<T extends Answer<object>>(answer: T): T {
    const closing = this.closeAfterSave
    const closeNow = closing && answer.ok && !('canceled' in answer && answer.canceled)
    this.closeAfterSave = false
    if (closeNow) this.close()
    else if (closing) this.options.closeAbandoned?.()
    return answer
  }

  /** Asks before replacing a document with unsaved changes; undefined means go ahead. */
  private async guardUnsaved(): Promise<Canceled | undefined> {
    if (!this.document.dirty) return undefined
    const choice = await this.options.dialogs.confirmClose(this.document.name)
    if (choice === 'cancel') return canceled
    if (choice === 'save') return { canceled: true, saveFirst: true }
    await this.autosave.discard().catch(() => undefined)
    return undefined
  }

  private async openPath(path: string): Promise<Answer<Opened>> {
    const name = basename(path)
    const size = await stat(path).then(
      (s) => s.size,
      () => -1,
    )
    if (size < 0) {
      await this.recent.remove(path).catch(() => undefined)
      return { ok: false, error: `could not open ${name}: the file is no longer there` }
    }
    if (size > FILE_LIMITS.maxMidiBytes)
      return {
        ok: false,
        error: `could not open ${name}: it is ${mb(size)}, and MIDI files larger than ${mb(FILE_LIMITS.maxMidiBytes)} are not supported`,
      }
    let bytes: Uint8Array
    try {
      bytes = await readFile(path)
    } catch (error) {
      return { ok: false, error: describeFsError('open', name, error) }
    }
    const imported = decode(name, bytes)
    if (!imported.ok) return imported
    this.document.reset(path)
    this.changed()
    await this.recent.add(path).catch(() => undefined)
    return { ok: true, canceled: false, ...imported.value, name }
  }

  private async askSavePath(defaultName: string, kind: SaveKind): Promise<string | undefined> {
    const path = await this.options.dialogs.showSave(defaultName, kind)
    return path ? withExtension(path, kind) : undefined
  }

  private async writeTo(path: string, bytes: Uint8Array, action: string): Promise<Answer<Written>> {
    try {
      await writeFileAtomic(path, bytes)
    } catch (error) {
      return { ok: false, error: describeFsError(action, basename(path), error) }
    }
    return { ok: true, canceled: false, name: basename(path) }
  }

  private changed(): void {
    const { title, name, dirty, path } = this.document
    this.options.onDocumentChange?.({ title, name, dirty, path })
  }

  /** Browser mode: a copy for Open Recent; the list is a convenience, so a failure here never fails the open or save. */
  private async keepCopy(name: string, bytes: Uint8Array): Promise<void> {
    const copies = this.options.copies
    if (!copies) return
    try {
      await this.recent.add(await copies.keep(name, bytes))
      await copies.prune(await this.recent.all())
    } catch {
      // The document is open or saved all the same.
    }
  }
}

/** Imports MIDI bytes, checking the song against the same bounds as every song crossing IPC. */
function decode(name: string, bytes: Uint8Array): Answer<{ value: Pick<Opened, 'song' | 'report'> }> {
  try {
    const { song, report } = importMidi(bytes)
    const checked = songSchema.safeParse(song)
    if (!checked.success)
      return {
        ok: false,
        error: `could not open ${name}: ${describeInvalid('song', checked.error).replace(/^invalid song request: /, '')}`,
      }
    return { ok: true, value: { song, report } }
  } catch (error) {
    if (error instanceof MidiImportError) return { ok: false, error: `${name} is not a MIDI file that can be read: ${error.message}` }
    throw error
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  )
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`
}
