import { createApi, type IpcBridge } from '../../../preload/api.ts'
import type { AppApi, Canceled, ResponseOf } from '$shared/ipc/index.ts'
import { FILE_LIMITS } from '$shared/ipc/files.ts'
import { exportMidi } from '$shared/midi/index.ts'
import { midiFileName, wavFileName } from '$shared/fileNames.ts'
import type { UnsavedChoice } from './askToSave.ts'
import { saveBytes, type SaveKind, type SaveTarget, type WritableFileHandle } from './browserFiles.ts'

/** What the browser mode's API needs from the page (tests pass fakes). */
export interface WebApiDeps {
  /** The server connection: invokes and events. */
  bridge: IpcBridge
  /** Where saves go (the picker or a download), read at each save. */
  saveTarget(): SaveTarget
  /** The file chooser for Open. */
  pickFile(): Promise<File | undefined>
  /** The unsaved-changes question. */
  askToSave(name: string): Promise<UnsavedChoice>
}

/** The browser mode's window.api, and what the page knows of the document. */
export interface WebApi {
  /** Exactly the AppApi the preload gives the Electron app. */
  api: AppApi
  /** True while the document has unsaved changes (the page asks before leaving). */
  isDirty(): boolean
}

type Answer<T extends object> = Promise<({ ok: true } & T) | { ok: false; error: string }>

/**
 * window.api for the browser mode: the same createApi as the preload, over HTTP, so every channel
 * reaches the same handlers. What a server cannot do for a page is done here instead, where Electron's
 * main does it natively: the unsaved-changes question, the file chooser for Open, and writing saves
 * and exports (the save picker, else a download). The server then only hears the bytes and the name.
 */
export function createWebApi(deps: WebApiDeps): WebApi {
  const server = createApi(deps.bridge)
  const doc = { name: 'Untitled', dirty: false }
  let handle: WritableFileHandle | undefined
  server.onDocumentChange((change) => {
    doc.name = change.name
    doc.dirty = change.dirty
  })

  /** Asks about unsaved changes; 'go' when there are none, 'discard' once the user chose to lose them. */
  const askFirst = async (): Promise<'go' | 'discard' | Canceled> => {
    if (!doc.dirty) return 'go'
    const choice = await deps.askToSave(doc.name)
    if (choice === 'cancel') return { canceled: true }
    if (choice === 'save') return { canceled: true, saveFirst: true }
    return 'discard'
  }

  /** Replaces the document: after the question, `discard` tells the server to forget the changes first. */
  const replacing = async <T extends object>(guard: 'go' | 'discard', action: () => Answer<T>): Answer<T> => {
    if (guard === 'discard') {
      await server.discardAutosave()
      await server.setDocumentState({ dirty: false })
    }
    const answer = await action()
    if (answer.ok && !('canceled' in answer && answer.canceled)) {
      handle = undefined
      doc.dirty = false
    } else if (guard === 'discard') await server.setDocumentState({ dirty: true })
    return answer
  }

  const write = async (bytes: Uint8Array, name: string, kind: SaveKind, to?: WritableFileHandle) => {
    try {
      return await saveBytes(bytes, name, kind, deps.saveTarget(), to)
    } catch (error) {
      return { failed: `could not write ${name}: ${error instanceof Error ? error.message : String(error)}` }
    }
  }

  const importFile = async (file: File, guard: 'go' | 'discard'): Promise<ResponseOf<'file:importBytes'>> => {
    if (file.size > FILE_LIMITS.maxMidiBytes)
      return { ok: false, error: `${file.name} is too large to be a MIDI file Neural Piano can open (more than 16 MB)` }
    const bytes = new Uint8Array(await file.arrayBuffer())
    return replacing(guard, () => server.importBytes(file.name, bytes))
  }

  const api: AppApi = {
    ...server,
    setDocumentState: (state) => {
      doc.dirty = state.dirty
      return server.setDocumentState(state)
    },
    newFile: async () => {
      const guard = await askFirst()
      return typeof guard === 'object' ? { ok: true, ...guard } : replacing(guard, () => server.newFile())
    },
    openFile: async () => {
      const guard = await askFirst()
      if (typeof guard === 'object') return { ok: true, ...guard }
      const file = await deps.pickFile()
      return file ? importFile(file, guard) : { ok: true, canceled: true }
    },
    openRecent: async (index) => {
      const guard = await askFirst()
      return typeof guard === 'object' ? { ok: true, ...guard } : replacing(guard, () => server.openRecent(index))
    },
    importBytes: async (name, bytes) => {
      const guard = await askFirst()
      return typeof guard === 'object' ? { ok: true, ...guard } : replacing(guard, () => server.importBytes(name, bytes))
    },
    openLaunched: () => replacing('go', () => server.openLaunched()),
    restoreAutosave: async () => {
      const answer = await server.restoreAutosave()
      if (answer.ok) handle = undefined
      return answer
    },
    saveFile: async (song, saveAs = false) => {
      const bytes = exportMidi(song)
      const saved = await write(bytes, midiFileName(doc.name), 'midi', saveAs ? undefined : handle)
      if ('failed' in saved) return { ok: false, error: saved.failed }
      if (saved.canceled) return { ok: true, canceled: true }
      handle = saved.handle
      const answer = await server.savedByPage(saved.name, bytes)
      if (answer.ok) doc.dirty = false
      return answer
    },
    exportMidi: async (song, suggestedName) => {
      const saved = await write(exportMidi(song), midiFileName(suggestedName ?? doc.name), 'midi')
      if ('failed' in saved) return { ok: false, error: saved.failed }
      return saved.canceled ? { ok: true, canceled: true } : { ok: true, canceled: false, name: saved.name }
    },
    exportAudio: async (wav, suggestedName) => {
      const saved = await write(wav, wavFileName(suggestedName ?? doc.name), 'wav')
      if ('failed' in saved) return { ok: false, error: saved.failed }
      return saved.canceled ? { ok: true, canceled: true } : { ok: true, canceled: false, name: saved.name }
    },
  }
  return { api, isDirty: () => doc.dirty }
}
