import type { AppApi, EventChannel, EventMap, InvokeChannel } from '../shared/ipc/index.ts'

/** What the API needs from ipcRenderer: invoke a channel, subscribe to an event channel. */
export interface IpcBridge {
  invoke(channel: InvokeChannel, payload?: unknown): Promise<unknown>
  on<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void
}

/** Builds `window.api`: exactly one function per channel, nothing else of IPC reaches the page. */
export function createApi(ipc: IpcBridge): AppApi {
  return {
    info: () => ipc.invoke('app:info') as ReturnType<AppApi['info']>,
    continue: (request) => ipc.invoke('model:continue', request) as ReturnType<AppApi['continue']>,
    cancelContinue: (requestId) => ipc.invoke('model:cancel', { requestId }) as ReturnType<AppApi['cancelContinue']>,
    onMenuCommand: (listener) => ipc.on('menu:command', listener),
    onModelStatus: (listener) => ipc.on('model:status', listener),
    onContinueProgress: (listener) => ipc.on('model:progress', listener),
    newFile: () => ipc.invoke('file:new') as ReturnType<AppApi['newFile']>,
    openFile: () => ipc.invoke('file:open') as ReturnType<AppApi['openFile']>,
    openRecent: (index) => ipc.invoke('file:openRecent', { index }) as ReturnType<AppApi['openRecent']>,
    recentFiles: () => ipc.invoke('file:recent') as ReturnType<AppApi['recentFiles']>,
    importBytes: (name, bytes) => ipc.invoke('file:importBytes', { name, bytes }) as ReturnType<AppApi['importBytes']>,
    openLaunched: () => ipc.invoke('file:launched') as ReturnType<AppApi['openLaunched']>,
    savedByPage: (name, bytes) => ipc.invoke('file:savedByPage', { name, bytes }) as ReturnType<AppApi['savedByPage']>,
    saveFile: (song, saveAs = false) => ipc.invoke('file:save', { song, saveAs }) as ReturnType<AppApi['saveFile']>,
    exportMidi: (song, suggestedName) => ipc.invoke('file:exportMidi', { song, suggestedName }) as ReturnType<AppApi['exportMidi']>,
    exportAudio: (wav, suggestedName) => ipc.invoke('file:exportAudio', { wav, suggestedName }) as ReturnType<AppApi['exportAudio']>,
    setDocumentState: (state) => ipc.invoke('document:state', state) as ReturnType<AppApi['setDocumentState']>,
    writeAutosave: (song) => ipc.invoke('autosave:write', { song }) as ReturnType<AppApi['writeAutosave']>,
    checkAutosave: () => ipc.invoke('autosave:check') as ReturnType<AppApi['checkAutosave']>,
    restoreAutosave: () => ipc.invoke('autosave:restore') as ReturnType<AppApi['restoreAutosave']>,
    discardAutosave: () => ipc.invoke('autosave:discard') as ReturnType<AppApi['discardAutosave']>,
    onSaveBeforeClose: (listener) => ipc.on('file:saveBeforeClose', listener),
    onDocumentChange: (listener) => ipc.on('document:changed', listener),
  }
}
