import { contextBridge, ipcRenderer } from 'electron'
import { createApi } from './api.ts'

/**
 * The preload: a sandboxed CommonJS script that imports only 'electron'. It exposes the typed API and
 * never ipcRenderer itself; listeners receive only the payload, never the IPC event.
 */
const api = createApi({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  on: (channel, listener) => {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: Parameters<typeof listener>[0]): void => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
})

contextBridge.exposeInMainWorld('api', api)
