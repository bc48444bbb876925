import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ModelHost } from '../engine/host.ts'
import { modelWorkerEntry } from '../workers/entries.ts'
import { FileCopies } from '../services/files/fileCopies.ts'
import { FileService } from '../services/files/fileService.ts'
import { createHandlers } from '../services/handlers.ts'
import { createDispatch } from '../services/dispatch.ts'
import { EventHub } from './eventHub.ts'
import { listenOnLoopback } from './listen.ts'
import { pageDialogs } from './pageDialogs.ts'
import { createStudioServer } from './server.ts'
import { newToken } from './token.ts'

/** What the browser mode runs. */
export interface StudioOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** The checkpoint folder. */
  modelDir: string
  /** Autosave, recent files and their copies. */
  dataDir: string
  /** The port to try first (the next ones when it is busy); 0 lets the system choose. */
  port: number
  /** A MIDI file to open when the page starts. */
  launchFile?: string
  /** The model worker's entry (its TypeScript source under plain Node, by default). */
  workerEntry?: URL
  /** Where the server reports refused requests and failures. */
  log?: (line: string) => void
}

/** A running browser mode. */
export interface Studio {
  /** The address to open: it carries this launch's token. */
  url: string
  port: number
  /** Ports that were busy before `port`. */
  busy: number[]
  model: ModelHost
  files: FileService
  /** Stops serving, ends the event streams, removes a clean session's autosave and stops the model worker. */
  close(): Promise<void>
}

/**
 * The browser mode: the model host (a worker thread) and the file service the Electron app uses,
 * behind the same createHandlers/createDispatch, served on 127.0.0.1 to the built page.
 */
export async function startStudio(options: StudioOptions): Promise<Studio> {
  await mkdir(options.dataDir, { recursive: true })
  const model = new ModelHost(options.workerEntry ?? modelWorkerEntry, { modelDir: options.modelDir, cacheDir: options.dataDir })
  const files: FileService = new FileService({
    dataDir: options.dataDir,
    dialogs: pageDialogs,
    copies: new FileCopies(join(options.dataDir, 'copies')),
    ...(options.launchFile ? { launchFile: options.launchFile } : {}),
    onDocumentChange: ({ title, name, dirty }) => events.broadcast('document:changed', { title, name, dirty }),
  })
  const events = new EventHub((send) => {
    send('model:status', model.status)
    const { title, name, dirty } = files.document
    send('document:changed', { title, name, dirty })
  })
  const unsubscribe = model.onStatus((status) => events.broadcast('model:status', status))
  const dispatch = createDispatch(createHandlers({ model, notify: (channel, payload) => events.broadcast(channel, payload), files }))
  const token = newToken()
  try {
    const server = await createStudioServer({
      rendererDir: options.rendererDir,
      token,
      dispatch,
      events,
      ...(options.log ? { log: options.log } : {}),
    })
    const { port, busy } = await listenOnLoopback(server, options.port)
    return {
      url: `http://127.0.0.1:${port}/?token=${token}`,
      port,
      busy,
      model,
      files,
      async close() {
        unsubscribe()
        events.close()
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeAllConnections()
        await closed
        await files.shutdown()
        await model.dispose()
      },
    }
  } catch (error) {
    events.close()
    await model.dispose()
    throw error
  }
}
