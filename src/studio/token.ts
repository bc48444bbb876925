import { randomBytes, timingSafeEqual } from 'node:crypto'

/** A fresh per-launch token: 32 random bytes as 64 hex digits. */
export function newToken(): string {
  return randomBytes(32).toString('hex')
}

/** Whether `given` is `token`, compared in constant time (only the length, which is public, shortcuts). */
export function tokenMatches(given: string | undefined, token: string): boolean {
  if (given === undefined) return false
  const a = Buffer.from(given, 'utf8')
  const b = Buffer.from(token, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}
