import type { ImportReport } from '$shared/midi/report.ts'
import type { Opened, RecentFile } from '$shared/ipc/files.ts'
import { FILE_LIMITS } from '$shared/ipc/files.ts'
import type { Song } from '$shared/music/types.ts'
import { defaultApi, type FilesApi } from './api.ts'
import { formatImportReport } from './importReport.ts'
import { settle, type Outcome } from './outcome.ts'
import { plainSong } from './plainSong.ts'

/** A song that became the current document, with its import report in sentences. */
export interface OpenedSong {
  song: Song
  /** The document's name (the file name), for the title bar and the UI. */
  name: string
  /** The import report as counts. */
  report: ImportReport
  /** The import report as sentences for the notice (formatImportReport). */
  notice: string[]
}

/** Options shared by the actions that replace the current document. */
export interface ReplaceOptions {
  /**
   * The current song: when it has unsaved changes main asks Save / Don't Save / Cancel; on Save it is
   * saved first (to its file, or through the save dialog) and then the action goes on.
   */
  current?: () => Song
  /** window.api by default. */
  api?: FilesApi
}

const MIDI_EXTENSIONS = ['.mid', '.midi', '.rmi', '.kar']

/** Starts a new untitled document; the caller then shows an empty song (createSong()). */
export function newDocument(options: ReplaceOptions = {}): Promise<Outcome<{ name: string }>> {
  const api = options.api ?? defaultApi()
  return replacing<{ canceled: false; name: string }, { name: string }>(
    options,
    () => api.newFile(),
    (r) => ({ status: 'done', name: r.name }),
  )
}

/** File > Open: the open dialog in main, then the chosen MIDI file, imported. */
export function openFromDialog(options: ReplaceOptions = {}): Promise<Outcome<OpenedSong>> {
  const api = options.api ?? defaultApi()
  return replacing<Opened, OpenedSong>(options, () => api.openFile(), opened)
}

/** File > Open Recent: the file at `index` of recentFiles(); a file that is gone leaves the list. */
export function openRecent(index: number, options: ReplaceOptions = {}): Promise<Outcome<OpenedSong>> {
  const api = options.api ?? defaultApi()
  return replacing<Opened, OpenedSong>(options, () => api.openRecent(index), opened)
}

/** The MIDI file named when the app was launched (`neural-piano studio FILE.mid`), once; canceled when none. */
export function openLaunched(options: { api?: FilesApi } = {}): Promise<Outcome<OpenedSong>> {
  const api = options.api ?? defaultApi()
  return settle(api.openLaunched(), opened)
}

/** The recent files, newest first (names and folders for the menu). */
export async function recentFiles(api: FilesApi = defaultApi()): Promise<RecentFile[]> {
  const answer = await api.recentFiles().catch(() => undefined)
  return answer?.ok ? answer.files : []
}

/** A file dropped on the window: checked here (type, size), imported in main as a new untitled document. */
export async function importDroppedFile(file: File, options: ReplaceOptions = {}): Promise<Outcome<OpenedSong>> {
  const api = options.api ?? defaultApi()
  const lower = file.name.toLowerCase()
  if (!MIDI_EXTENSIONS.some((e) => lower.endsWith(e))) {
    return { status: 'failed', error: `${file.name} is not a MIDI file: drop a .mid or .midi file.` }
  }
  if (file.size > FILE_LIMITS.maxMidiBytes) {
    return { status: 'failed', error: `${file.name} is too large to be a MIDI file Neural Piano can open (more than 16 MB).` }
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  return replacing<Opened, OpenedSong>(options, () => api.importBytes(file.name, bytes), opened)
}

/** File > Save (or Save As): to the document's file, or where the user chooses; main marks it saved. */
export function save(song: Song, options: { saveAs?: boolean; api?: FilesApi } = {}): Promise<Outcome<{ name: string }>> {
  const api = options.api ?? defaultApi()
  return settle(api.saveFile(plainSong(song), options.saveAs ?? false), (r) => ({ status: 'done', name: r.name }))
}

/** File > Export MIDI: the song given (the selection's or the whole song) where the user chooses. */
export function exportMidi(song: Song, options: { suggestedName?: string; api?: FilesApi } = {}): Promise<Outcome<{ name: string }>> {
  const api = options.api ?? defaultApi()
  return settle(api.exportMidi(plainSong(song), options.suggestedName), (r) => ({ status: 'done', name: r.name }))
}

/** File > Export Audio: WAV bytes (see audio/renderAudio.ts) where the user chooses. */
export function exportAudio(wav: Uint8Array, options: { suggestedName?: string; api?: FilesApi } = {}): Promise<Outcome<{ name: string }>> {
  const api = options.api ?? defaultApi()
  if (wav.byteLength > FILE_LIMITS.maxWavBytes) {
    return Promise.resolve({
      status: 'failed',
      error: 'The audio is too long to export in one file (more than 256 MB); export a selection.',
    })
  }
  return settle(api.exportAudio(wav, options.suggestedName), (r) => ({ status: 'done', name: r.name }))
}

function opened(r: Opened): Outcome<OpenedSong> {
  return { status: 'done', song: r.song, name: r.name, report: r.report, notice: formatImportReport(r.report) }
}

type Replaced<T extends object> = Promise<({ ok: true } & ({ canceled: true; saveFirst?: boolean } | T)) | { ok: false; error: string }>

/** Runs an action that replaces the document, saving first when the user chose Save, then asking again. */
async function replacing<T extends { canceled: false }, R extends object>(
  options: ReplaceOptions,
  action: () => Replaced<T>,
  done: (payload: T) => Outcome<R>,
): Promise<Outcome<R>> {
  const first = await action().catch((error: unknown) => ({
    ok: false as const,
    error: error instanceof Error ? error.message : String(error),
  }))
  if (first.ok && first.canceled && first.saveFirst && options.current) {
    const saved = await save(options.current(), options.api ? { api: options.api } : {})
    if (saved.status !== 'done') return saved
    return settle(action(), (r) => done(r as T))
  }
  return settle(Promise.resolve(first), (r) => done(r as T))
}
