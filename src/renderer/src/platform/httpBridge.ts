import type { IpcBridge } from '../../../preload/api.ts'
import { fromWire, toWire } from '$shared/wire.ts'

/** What the bridge needs from the browser (tests pass fakes). */
export interface HttpDeps {
  fetch: typeof fetch
  /** Opens the server's event stream (an EventSource; its events are MessageEvents named after their channels). */
  openEvents(): EventTarget
}

/** The browser's fetch and EventSource against the page's own server. */
export function browserHttp(): HttpDeps {
  return { fetch: (input, init) => fetch(input, init), openEvents: () => new EventSource('/api/events') }
}

/**
 * The browser mode's stand-in for ipcRenderer: an invoke is `POST /api/invoke/CHANNEL` and its answer
 * the handler's own `{ok, …}` result; events arrive on one EventSource, opened with the first listener.
 * The token travels in an HttpOnly cookie the page cannot read, so nothing here handles it.
 */
export function createHttpBridge(deps: HttpDeps = browserHttp()): IpcBridge {
  let events: EventTarget | undefined
  return {
    async invoke(channel, payload) {
      let response: Response
      try {
        response = await deps.fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: toWire({ payload }),
        })
      } catch {
        return { ok: false, error: 'the Neural Piano server does not answer: is "neural-piano studio" still running?' }
      }
      const text = await response.text()
      if (!response.ok) return { ok: false, error: `the Neural Piano server refused the request (${response.status}): ${text.trim()}` }
      return fromWire(text)
    },
    on(channel, listener) {
      events ??= deps.openEvents()
      const source = events
      const receive = (event: Event): void => listener(fromWire((event as MessageEvent<string>).data) as Parameters<typeof listener>[0])
      source.addEventListener(channel, receive)
      return () => source.removeEventListener(channel, receive)
    },
  }
}
