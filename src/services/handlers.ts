import {
  describeInvalid,
  type EventChannel,
  type EventMap,
  requestSchemas,
  type InvokeChannel,
  type RequestOf,
  type ResponseMap,
  type ResponseOf,
} from '../shared/ipc/index.ts'
import { appVersion } from '../shared/version.ts'
import type { ModelHost } from '../engine/host.ts'
import type { FileService } from './files/fileService.ts'
import { createFileHandlers } from './fileHandlers.ts'

/** What the handlers need from the rest of the main process. */
export interface Services {
  model: ModelHost
  /** Sends an event to the renderer (webContents.send in the app). */
  notify<C extends EventChannel>(channel: C, payload: EventMap[C]): void
  /** Open, save, export, autosave and the document state; without it the file channels answer an error. */
  files?: FileService
}

/** One function per invoke channel; each receives a request that already passed its schema. */
export type Handlers = { [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> }

/** The handlers of every channel, free of Electron so that tests and the e2e harness call the same code. */
export function createHandlers(services: Services): Handlers {
  return {
    'app:info': async () => ok<'app:info'>({ version: appVersion, platform: process.platform, model: services.model.status }),
    'model:continue': async (request) => {
      const onProgress = (done: number, total: number): void =>
        services.notify('model:progress', { requestId: request.requestId, done, total })
      return ok<'model:continue'>(await services.model.generate(request, onProgress))
    },
    'model:cancel': async ({ requestId }) => ok<'model:cancel'>({ cancelled: services.model.cancel(requestId) }),
    ...createFileHandlers(services.files),
  }
}

function ok<C extends InvokeChannel>(payload: ResponseMap[C]): ResponseOf<C> {
  return { ok: true, ...payload } as ResponseOf<C>
}
