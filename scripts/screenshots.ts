// Renders the built app in headless Chromium (through the same harness as the e2e tests, with the real
// main-process handlers) and saves the README's screenshots in docs/. Run: npm run build && npm run screenshots
import { mkdirSync } from 'node:fs'
import { startApp } from '../test/helpers/appHarness.ts'

mkdirSync('docs', { recursive: true })
const app = await startApp()
try {
  await app.page.getByTestId('backend').filter({ hasText: /wasm|node|cpu/ }).waitFor({ timeout: 60_000 })
  await app.page.screenshot({ path: 'docs/screenshot.png' })
  console.log('wrote docs/screenshot.png')
} finally {
  await app.close()
}
