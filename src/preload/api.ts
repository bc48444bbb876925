import type { AppApi, EventChannel, EventMap, InvokeChannel } from '../shared/ipc.ts'

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
  }
}
