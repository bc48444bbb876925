import type { IncomingHttpHeaders } from 'node:http'
import { tokenMatches } from './token.ts'

/** What a request asks for: the page itself (may carry the token in its URL), one of its files, or the API. */
export type RequestKind = 'page' | 'asset' | 'api'

/** Let in (with the cookie to set when the token came in the URL), or refused with the reason. */
export type Access = { ok: true; setCookie?: string } | { ok: false; reason: string }

/** The request as the checks see it. */
export interface AccessRequest {
  method: string
  /** The path and query, e.g. "/?token=…". */
  url: string
  headers: IncomingHttpHeaders
}

/** The token cookie's name: one per port, since browsers share cookies between the ports of a host. */
export function tokenCookieName(port: number): string {
  return `neural-piano-${port}`
}

/**
 * The checks every request passes, in order: the Host header names this server on loopback (a DNS
 * rebinding attack arrives with its own host name); a browser's Origin and Sec-Fetch-Site headers say
 * the request comes from the app's own page (the API requires the Origin); and the token, from the
 * cookie or, for the page itself, from its URL, matches. The token in the URL becomes an HttpOnly,
 * SameSite=Strict cookie (the page's scripts never see it, other sites cannot send it), and the
 * server moves the page on to "/" (see server.ts), so the token leaves the address bar and history.
 */
export function checkAccess(request: AccessRequest, kind: RequestKind, token: string, port: number): Access {
  const host = single(request.headers.host)
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
    return { ok: false, reason: `unexpected Host header ${JSON.stringify(host ?? '')}` }
  const origin = `http://${host}`
  const sentOrigin = single(request.headers.origin)
  if (sentOrigin !== undefined && sentOrigin !== origin) return { ok: false, reason: `request from another origin (${sentOrigin})` }
  if (kind === 'api' && request.method !== 'GET' && sentOrigin === undefined)
    return { ok: false, reason: 'API request without an Origin header' }
  // The page may be opened from anywhere (a terminal, a redirect file); its files and the API only by itself.
  const site = single(request.headers['sec-fetch-site'])
  if (kind !== 'page' && site !== undefined && site !== 'same-origin')
    return { ok: false, reason: `request from another site (Sec-Fetch-Site: ${site})` }
  const cookieName = tokenCookieName(port)
  const fromUrl = kind === 'page' ? (new URL(request.url, origin).searchParams.get('token') ?? undefined) : undefined
  if (fromUrl !== undefined) {
    return tokenMatches(fromUrl, token)
      ? { ok: true, setCookie: `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict` }
      : { ok: false, reason: 'wrong token' }
  }
  const fromCookie = readCookie(single(request.headers.cookie), cookieName)
  if (tokenMatches(fromCookie, token)) return { ok: true }
  return { ok: false, reason: fromCookie === undefined ? 'no token' : 'wrong token' }
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
