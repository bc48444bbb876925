import { vi } from 'vitest'

/** Captures console.log and console.error for a CLI test (restore with vi.restoreAllMocks()). */
export function captureConsole(): { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...args) => void out.push(args.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...args) => void err.push(args.join(' ')))
  return { out, err }
}
