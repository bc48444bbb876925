import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'

/**
 * Launches the real app in Electron where an Electron binary is present. The electron package
 * downloads its binary on first run; on machines that cannot reach the download (like CI here) there
 * is none, and this test is skipped with that reason. It never triggers the download itself.
 */
function electronBinary(): { path?: string; reason?: string } {
  const packageDir = resolve('node_modules/electron')
  const pathFile = join(packageDir, 'path.txt')
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron')
    return existsSync(path) ? { path } : { reason: `no Electron binary at ${path} (ELECTRON_OVERRIDE_DIST_PATH)` }
  }
  if (!existsSync(pathFile))
    return { reason: 'no Electron binary: node_modules/electron/path.txt is missing (the binary was never downloaded)' }
  const path = join(packageDir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(path) ? { path } : { reason: `no Electron binary at ${path}` }
}

const binary = electronBinary()
if (binary.reason) console.log(`[skip] Electron launch test: ${binary.reason}`)

describe.skipIf(!binary.path)(`the app in Electron${binary.reason ? ` (skipped: ${binary.reason})` : ''}`, () => {
  it('opens the window with the shell, the secure bridge and a ready model', async () => {
    const app = await electron.launch({
      executablePath: binary.path!,
      args: [resolve('.')],
      env: { ...process.env, NODE_ENV: 'production' },
    })
    try {
      const page = await app.firstWindow()
      await page
        .getByTestId('backend')
        .filter({ hasText: /wasm|node|cpu/ })
        .waitFor({ timeout: 60_000 })
      const probe = await page.evaluate(() => ({
        api: typeof window.api.info,
        require: typeof (window as unknown as { require?: unknown }).require,
      }))
      expect(probe).toEqual({ api: 'function', require: 'undefined' })
      const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))
      expect(windows).toEqual([true])
    } finally {
      await app.close()
    }
  })
})
