import type { ServerResponse } from 'node:http'
import type { EventChannel, EventMap } from '../shared/ipc/index.ts'
import { toWire } from '../shared/wire.ts'

/** Sends one event to one client. */
export type SendEvent = <C extends EventChannel>(channel: C, payload: EventMap[C]) => void

/**
 * The main -> page events of the browser mode, as Server-Sent Events: each open page holds one
 * `GET /api/events` stream; an event goes to all of them. A new stream first gets `greet`'s events
 * (the current model status), so a page never misses a state that changed while it was connecting.
 */
export class EventHub {
  private readonly clients = new Set<ServerResponse>()
  private readonly heartbeat: NodeJS.Timeout

  /** `greet` sends a newly connected page the current state; a comment every `heartbeatMs` keeps idle streams open. */
  constructor(
    private readonly greet: (send: SendEvent) => void = () => {},
    heartbeatMs = 20_000,
  ) {
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), heartbeatMs)
    this.heartbeat.unref()
  }

  /** How many pages are connected. */
  get size(): number {
    return this.clients.size
  }

  /** Turns `response` into an event stream (its headers already set by the caller) and greets it. */
  add(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
    response.write('retry: 2000\n\n')
    this.clients.add(response)
    response.on('close', () => this.clients.delete(response))
    this.greet((channel, payload) => response.write(frame(channel, payload)))
  }

  /** Sends an event to every connected page. */
  broadcast<C extends EventChannel>(channel: C, payload: EventMap[C]): void {
    this.write(frame(channel, payload))
  }

  /** Ends every stream (the server is stopping). */
  close(): void {
    clearInterval(this.heartbeat)
    for (const client of this.clients) client.end()
    this.clients.clear()
  }

  private write(text: string): void {
    for (const client of this.clients) client.write(text)
  }
}

function frame(channel: string, payload: unknown): string {
  // JSON.stringify escapes line breaks inside strings, so the data is always one line.
  return `event: ${channel}\ndata: ${toWire(payload)}\n\n`
}
