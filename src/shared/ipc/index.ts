import type { z } from 'zod'
import { appSchemas, type AppEvents, type AppInfo, type AppResponses, type MenuCommand, type ModelStatus } from './app.ts'
import {
  continueSchemas,
  type ContinueEvents,
  type ContinueProgress,
  type ContinueRequestInput,
  type ContinueResponses,
} from './continue.ts'
import { filesSchemas, type AutosaveInfo, type FilesEvents, type FilesResponses } from './files.ts'
import type { Result } from './result.ts'
import type { Song } from '../music/types.ts'

/**
 * The IPC contract between the renderer and the main process: every channel's name, the schema its
 * request must pass (checked in main, sizes bounded), and the shape of its answer. Everything here is
 * plain data that crosses IPC by structured clone unchanged. Each group of channels lives in ipc/.
 */
export * from './app.ts'
export * from './continue.ts'
export * from './result.ts'
export * from './files.ts'

/** Request schemas, one per invoke channel. */
export const requestSchemas = { ...appSchemas, ...continueSchemas, ...filesSchemas } as const

/** The invoke channels (renderer asks, main answers). */
export type InvokeChannel = keyof typeof requestSchemas

/** The validated request type of each invoke channel. */
export type RequestOf<C extends InvokeChannel> = z.output<(typeof requestSchemas)[C]>

/** The success payload of each invoke channel. */
export interface ResponseMap extends AppResponses, ContinueResponses, FilesResponses {}

/** The full answer of each invoke channel. */
export type ResponseOf<C extends InvokeChannel> = Result<ResponseMap[C]>

/** Every invoke channel's name. */
export const invokeChannels = Object.keys(requestSchemas) as InvokeChannel[]

/** Events main sends to the renderer, with their payloads. */
export interface EventMap extends AppEvents, ContinueEvents, FilesEvents {}

/** The event channels (main tells, renderer listens). */
export type EventChannel = keyof EventMap

/** Every event channel's name. */
export const eventChannels: EventChannel[] = ['menu:command', 'model:status', 'model:progress', 'file:saveBeforeClose', 'document:changed']

/** The API the preload exposes as `window.api`: one function per channel. */
export interface AppApi {
  /** The app version, platform and model status (with the active TensorFlow.js backend). */
  info(): Promise<ResponseOf<'app:info'>>
  /** Continues the selected bars: one candidate per variation, placed right after the selection. */
  continue(request: ContinueRequestInput): Promise<ResponseOf<'model:continue'>>
  /** Stops the generation with this id within one step; its continue() answers with an error. */
  cancelContinue(requestId: string): Promise<ResponseOf<'model:cancel'>>
  /** Calls `listener` with each command chosen in the application menu; returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Calls `listener` whenever the model's status changes; returns an unsubscribe. */
  onModelStatus(listener: (status: ModelStatus) => void): () => void
  /** Calls `listener` with the progress of running generations; returns an unsubscribe. */
  onContinueProgress(listener: (progress: ContinueProgress) => void): () => void
  /** Starts a new untitled document (asks first when there are unsaved changes; see Canceled.saveFirst). */
  newFile(): Promise<ResponseOf<'file:new'>>
  /** Shows the open dialog and imports the chosen MIDI file as the current document. */
  openFile(): Promise<ResponseOf<'file:open'>>
  /** Opens the recent file at this index of recentFiles(). */
  openRecent(index: number): Promise<ResponseOf<'file:openRecent'>>
  /** The recent files, newest first. */
  recentFiles(): Promise<ResponseOf<'file:recent'>>
  /** Imports a MIDI file's bytes (drag and drop) as a new untitled document named after the file. */
  importBytes(name: string, bytes: Uint8Array): Promise<ResponseOf<'file:importBytes'>>
  /** The MIDI file named when the app was launched (`neural-piano studio FILE.mid`), once; canceled when none. */
  openLaunched(): Promise<ResponseOf<'file:launched'>>
  /**
   * Browser mode: the page wrote these MIDI bytes to a file the user chose (a picker or a download).
   * Main marks the document saved under `name` and keeps a copy in its data folder for Open Recent.
   */
  savedByPage(name: string, bytes: Uint8Array): Promise<ResponseOf<'file:savedByPage'>>
  /** Saves the song as MIDI to the document's file, or where the user chooses (Save As, or no file yet). */
  saveFile(song: Song, saveAs?: boolean): Promise<ResponseOf<'file:save'>>
  /** Writes the song (a selection or the whole) as MIDI where the user chooses; the document is unchanged. */
  exportMidi(song: Song, suggestedName?: string): Promise<ResponseOf<'file:exportMidi'>>
  /** Writes rendered WAV bytes where the user chooses. */
  exportAudio(wav: Uint8Array, suggestedName?: string): Promise<ResponseOf<'file:exportAudio'>>
  /** Tells main whether there are unsaved changes: it updates the title and asks before closing. */
  setDocumentState(state: { dirty: boolean; name?: string }): Promise<ResponseOf<'document:state'>>
  /** Stores the song in the app's data folder so that a crash loses at most a few seconds. */
  writeAutosave(song: Song): Promise<ResponseOf<'autosave:write'>>
  /** Whether an autosave from a session that did not end cleanly is waiting. */
  checkAutosave(): Promise<ResponseOf<'autosave:check'>>
  /** Reads the waiting autosave back; it becomes the current (unsaved) document. */
  restoreAutosave(): Promise<ResponseOf<'autosave:restore'>>
  /** Deletes the waiting autosave. */
  discardAutosave(): Promise<ResponseOf<'autosave:discard'>>
  /** Calls `listener` when the user chose Save while closing with unsaved changes; returns an unsubscribe. */
  onSaveBeforeClose(listener: (request: { name: string }) => void): () => void
  /** Calls `listener` when the document's name or unsaved state changes (browser mode); returns an unsubscribe. */
  onDocumentChange(listener: (document: EventMap['document:changed']) => void): () => void
}

export type { AppInfo, AutosaveInfo }
