import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Dispatch } from '../services/dispatch.ts'
import { fromWire, toWire } from '../shared/wire.ts'
import { checkAccess, type RequestKind } from './access.ts'
import { contentSecurityPolicy, securityHeaders } from './csp.ts'
import type { EventHub } from './eventHub.ts'
import { BodyTooLarge, readBody } from './readBody.ts'
import { contentType, resolveStatic } from './staticFiles.ts'

/** What the browser mode's HTTP server serves. */
export interface StudioServerOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** This launch's token. */
  token: string
  /** The same validation and handlers as Electron's IPC. */
  dispatch: Dispatch
  /** The event streams. */
  events: EventHub
  /** The largest request body accepted (the schemas bound each payload further). */
  maxBodyBytes?: number
  /** Where refusals are reported. */
  log?: (line: string) => void
}

/**
 * About the largest request a valid song or MIDI file makes as JSON (200,000 notes, half a million
 * controller events, 10,000 texts, or 16 MB of MIDI as base64); the handlers' schemas bound each one.
 */
export const DEFAULT_MAX_BODY_BYTES = 128 * 1024 * 1024

const INVOKE = '/api/invoke/'
const BOUNCE =
  '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/"><title>Neural Piano</title><p>Opening <a href="/">Neural Piano</a>…</p>\n'

/**
 * The browser mode's server: the built page and its files, `POST /api/invoke/CHANNEL` (one request
 * per invoke, answered with the handler's `{ok, …}` result as IPC answers it) and `GET /api/events`
 * (Server-Sent Events). Every request passes checkAccess first (Host, Origin, token).
 */
export async function createStudioServer(options: StudioServerOptions): Promise<Server> {
  const csp = contentSecurityPolicy(await readFile(join(options.rendererDir, 'index.html'), 'utf8'))
  const headers = securityHeaders(csp)
  const log = options.log ?? ((line: string) => console.error(line))
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
    const method = request.method ?? 'GET'
    const url = request.url ?? '/'
    const path = url.split('?')[0] ?? '/'
    const kind: RequestKind = path.startsWith('/api/') ? 'api' : path === '/' || path === '/index.html' ? 'page' : 'asset'
    const port = request.socket.localPort ?? 0
    const access = checkAccess({ method, url, headers: request.headers }, kind, options.token, port)
    if (!access.ok) {
      log(`[studio] refused ${method} ${path}: ${access.reason}`)
      return text(
        response,
        403,
        `Neural Piano refused this request: ${access.reason}. Open the address that "neural-piano studio" printed.\n`,
      )
    }
    if (access.setCookie) {
      // A same-origin hop to "/": the Strict cookie goes with it and with every reload, even when the
      // token URL came from another site (the browser-opening redirect file), and the token leaves history.
      response.setHeader('set-cookie', access.setCookie)
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      return void response.end(BOUNCE)
    }
    if (kind === 'api') return api(request, response, method, path)
    if (method !== 'GET' && method !== 'HEAD') return text(response, 405, 'method not allowed\n')
    // Browsers ask for an icon the app does not have; "no content" keeps a 404 out of the console.
    if (path === '/favicon.ico') return void response.writeHead(204).end()
    const file = await resolveStatic(options.rendererDir, path)
    if (!file) return text(response, 404, 'not found\n')
    const body = await readFile(file)
    response.writeHead(200, {
      'content-type': contentType(file),
      'content-length': body.length,
      // The page is never cached (it is where the token arrives); its hashed files may be.
      'cache-control': kind === 'page' ? 'no-store' : 'private, max-age=3600',
    })
    response.end(method === 'HEAD' ? undefined : body)
  }

  const api = async (request: IncomingMessage, response: ServerResponse, method: string, path: string): Promise<void> => {
    if (path === '/api/events' && method === 'GET') return options.events.add(response)
    if (!path.startsWith(INVOKE) || method !== 'POST') return text(response, 404, 'not found\n')
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return text(response, 415, 'send application/json\n')
    let body: unknown
    try {
      body = fromWire(await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES))
    } catch (error) {
      if (error instanceof BodyTooLarge) return text(response, 413, `${error.message}\n`)
      return text(response, 400, 'the request is not valid JSON\n')
    }
    const payload = typeof body === 'object' && body !== null && 'payload' in body ? body.payload : undefined
    let channel: string
    try {
      channel = decodeURIComponent(path.slice(INVOKE.length))
    } catch {
      return text(response, 400, 'the channel name is not valid\n')
    }
    const answer = await options.dispatch(channel, payload)
    const json = toWire(answer)
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    response.end(json)
  }

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`[studio] ${request.method} ${request.url?.split('?')[0]} failed: ${error instanceof Error ? error.message : String(error)}`)
      if (!response.headersSent) text(response, 500, 'internal error\n')
      else response.destroy()
    })
  })
}

function text(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
  response.end(body)
}
