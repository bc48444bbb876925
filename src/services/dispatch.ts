import { describeInvalid, requestSchemas, type InvokeChannel, type ResponseOf } from '../shared/ipc/index.ts'
import type { Handlers } from './handlers.ts'

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
      return {
        ok: false,
        error: `invalid ${name} request: it could not be checked (${error instanceof Error ? error.message : String(error)})`,
      }
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
