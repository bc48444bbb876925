import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Where an e2e test saves a screenshot: test/output/screenshots normally, so that a test run never
 * changes tracked files; `npm run screenshots` sets NP_SCREENSHOT_DIR=docs to refresh the README's.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.NP_SCREENSHOT_DIR ?? join('test', 'output', 'screenshots')
  mkdirSync(dir, { recursive: true })
  return join(dir, name)
}
