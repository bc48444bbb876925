import {
  describeInvalid,
  type EventChannel,
  type EventMap,
  requestSchemas,
  type InvokeChannel,
  type RequestOf,
  type ResponseMap,
  type ResponseOf,
} from '../shared/ipc.ts'
import { appVersion } from '../shared/version.ts'
import type { ModelHost } from '../engine/host.ts'
import type { FileService } from './files/fileService.ts'
import { createFileHandlers } from './files/handlers.ts'

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
    'app:info': async () =>
      ok<'app:info'>({ version: appVersion, platform: process.platform, model: services.model.status }),
    'model:continue': async (request) => {
      const onProgress = (done: number, total: number): void => services.notify('model:progress', { requestId: request.requestId, done, total })
      return ok<'model:continue'>(await services.model.generate(request, onProgress))
    },
    'model:cancel': async ({ requestId }) => ok<'model:cancel'>({ cancelled: services.model.cancel(requestId) }),
    ...createFileHandlers(services.files),
  }
}

function ok<C extends InvokeChannel>(payload: ResponseMap[C]): ResponseOf<C> {
  return { ok: true, ...payload } as ResponseOf<C>
}

/** Calls a channel's handler with an untrusted payload, and never rejects. */
export type Dispatch = (channel: string, payload: unknown) => Promise<ResponseOf<InvokeChannel>>

/**
 * Validates an untrusted payload against its channel's schema and calls the handler.
 * Unknown channels, invalid payloads and handler failures all come back as `{ ok: false, error }`.
 */
export function createDispatch(handlers: Handlers, log: (message: string) => void = console.error): Dispatch {
  return async (channel, payload) => {
    if (!Object.hasOwn(requestSchemas, channel)) return { ok: false, error: `unknown channel "${String(channel)}"` }
    const name = channel as InvokeChannel
    let parsed: ReturnType<(typeof requestSchemas)[InvokeChannel]['safeParse']>
    try {
      parsed = requestSchemas[name].safeParse(payload)
    } catch (error) {
      // zod collects one issue per bad element; hundreds of thousands of them can overflow its stack.
      return { ok: false, error: `invalid ${name} request: it could not be checked (${error instanceof Error ? error.message : String(error)})` }
    }
    if (!parsed.success) return { ok: false, error: describeInvalid(name, parsed.error) }
    try {
      const handler = handlers[name] as (request: unknown) => Promise<ResponseOf<InvokeChannel>>
      return await handler(parsed.data)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      log(`[ipc] ${name} failed: ${error instanceof Error ? (error.stack ?? message) : message}`)
      return { ok: false, error: message }
    }
  }
}
