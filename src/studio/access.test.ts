import { describe, expect, it } from 'vitest'
import { checkAccess, readCookie, tokenCookieName, type AccessRequest } from './access.ts'
import { newToken, tokenMatches } from './token.ts'

const token = newToken()
const port = 4321
const cookie = `${tokenCookieName(port)}=${token}`

function request(url: string, headers: AccessRequest['headers'], method = 'GET'): AccessRequest {
  return { method, url, headers: { host: `127.0.0.1:${port}`, ...headers } }
}

describe('the token', () => {
  it('is 32 random bytes in hex, different each launch, and matches only itself', () => {
    expect(token).toMatch(/^[0-9a-f]{64}$/)
    expect(newToken()).not.toBe(token)
    expect(tokenMatches(token, token)).toBe(true)
    expect(tokenMatches(`${token.slice(0, 63)}${token.endsWith('0') ? '1' : '0'}`, token)).toBe(false)
    expect(tokenMatches(token.slice(1), token)).toBe(false)
    expect(tokenMatches(undefined, token)).toBe(false)
  })
})

describe('checkAccess', () => {
  it('lets the page in with the token in its URL and turns it into an HttpOnly, SameSite=Strict cookie for this port', () => {
    const access = checkAccess(request(`/?token=${token}`, { 'sec-fetch-site': 'cross-site' }), 'page', token, port)
    expect(access).toEqual({ ok: true, setCookie: `neural-piano-4321=${token}; Path=/; HttpOnly; SameSite=Strict` })
    expect(checkAccess(request('/', { cookie: `other=1; ${cookie}` }), 'page', token, port)).toEqual({ ok: true })
    expect(checkAccess(request('/assets/index.js', { cookie, 'sec-fetch-site': 'same-origin' }), 'asset', token, port)).toEqual({
      ok: true,
    })
  })

  it('refuses a request without the token or with a wrong one, in the URL or the cookie', () => {
    expect(checkAccess(request('/', {}), 'page', token, port)).toEqual({ ok: false, reason: 'no token' })
    expect(checkAccess(request('/?token=abc', {}), 'page', token, port)).toEqual({ ok: false, reason: 'wrong token' })
    expect(checkAccess(request('/', { cookie: `${tokenCookieName(port)}=${newToken()}` }), 'page', token, port)).toEqual({
      ok: false,
      reason: 'wrong token',
    })
    // Another launch's cookie (another port) is not this one's.
    expect(checkAccess(request('/', { cookie: `${tokenCookieName(port + 1)}=${token}` }), 'page', token, port)).toEqual({
      ok: false,
      reason: 'no token',
    })
    // The token in the URL counts for the page only.
    expect(checkAccess(request(`/api/events?token=${token}`, {}), 'api', token, port)).toEqual({ ok: false, reason: 'no token' })
  })

  it('refuses a foreign Host header (DNS rebinding) even with the token', () => {
    for (const host of ['evil.example:4321', '127.0.0.1:4322', '127.0.0.1', '0.0.0.0:4321', undefined]) {
      const access = checkAccess({ method: 'GET', url: `/?token=${token}`, headers: { host } }, 'page', token, port)
      expect(access).toMatchObject({ ok: false, reason: expect.stringMatching(/^unexpected Host header/) })
    }
    expect(checkAccess({ method: 'GET', url: '/', headers: { host: `localhost:${port}`, cookie } }, 'page', token, port)).toEqual({
      ok: true,
    })
  })

  it('refuses API requests from another origin or site, and API writes that name no origin', () => {
    const api = (headers: AccessRequest['headers'], method = 'POST') =>
      checkAccess(request('/api/invoke/app:info', { cookie, ...headers }, method), 'api', token, port)
    expect(api({ origin: `http://127.0.0.1:${port}` })).toEqual({ ok: true })
    expect(api({ origin: 'http://evil.example' })).toEqual({ ok: false, reason: 'request from another origin (http://evil.example)' })
    expect(api({ origin: `http://localhost:${port}` })).toMatchObject({ ok: false })
    expect(api({})).toEqual({ ok: false, reason: 'API request without an Origin header' })
    expect(api({ 'sec-fetch-site': 'same-site', origin: `http://127.0.0.1:${port}` })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('same-site'),
    })
    expect(api({ 'sec-fetch-site': 'same-origin' }, 'GET')).toEqual({ ok: true })
  })

  it('reads a cookie among others', () => {
    expect(readCookie('a=1; b = 2 ;c=3', 'b')).toBe('2')
    expect(readCookie(undefined, 'b')).toBeUndefined()
    expect(readCookie('bb=1', 'b')).toBeUndefined()
  })
})
