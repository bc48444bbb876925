import { vi } from 'vitest'

/**
 * Captures console.log and console.error for a CLI test, and what is written to process.stderr directly
 * (progress) into `err` too (restore with vi.restoreAllMocks()).
 */
export function captureConsole(): { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk).replace(/\n$/, ''))
    return true
  })
  return { out, err }
}
