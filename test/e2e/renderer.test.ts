import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type AppUnderTest } from '../helpers/appHarness.ts'
import { createTinyCheckpoint } from '#fixtures/tinyCheckpoint.ts'
import { eventChannels, invokeChannels } from '../../src/shared/ipc/index.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

describe('the built renderer in Chromium, wired to the real main-process handlers', () => {
  let app: AppUnderTest

  beforeAll(async () => {
    const modelDir = join(tempFolder('np-e2e-'), 'tiny')
    await createTinyCheckpoint(modelDir)
    app = await startApp({ modelDir })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('shows the shell and the active backend once the model worker is ready', async () => {
    const { page } = app
    await expect(page.getByRole('banner', { name: 'Toolbar' }).isVisible()).resolves.toBe(true)
    await page.getByTestId('backend').filter({ hasText: 'wasm' }).waitFor({ timeout: 60_000 })
    await expect(page.getByTestId('model-status').textContent()).resolves.toBe('Model: ready')
    await expect(page.getByTestId('version').textContent()).resolves.toMatch(/^v\d+\.\d+\.\d+$/)
  })

  it('a click on About goes through the preload and the real app:info handler', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'About' }).click()
    await page.getByTestId('about-model').filter({ hasText: 'ready on TensorFlow.js wasm' }).waitFor()
    await expect(page.getByTestId('about-version').textContent()).resolves.toMatch(/^\d+\.\d+\.\d+$/)
    await expect(page.getByText('node-gpu: package not installed').isVisible()).resolves.toBe(true)
    await page.getByRole('button', { name: 'Close' }).click()
    await expect(page.getByRole('dialog').isVisible()).resolves.toBe(false)
  })

  it('a menu command from main opens the About dialog', async () => {
    await app.emit('menu:command', 'help:about')
    const about = app.page.getByRole('dialog', { name: 'Neural Piano' })
    await about.waitFor()
    await app.page.keyboard.press('Escape') // the dialog's, not the editor's "discard candidates"
    await about.waitFor({ state: 'hidden' })
  })

  it('main answers a malformed or unknown request with a clear error, and keeps answering', async () => {
    const answers = await app.page.evaluate(async () => {
      const invoke = (window as unknown as { __npInvoke(c: string, p: unknown): Promise<unknown> }).__npInvoke
      return [await invoke('app:info', { extra: 1 }), await invoke('fs:write', '/etc/passwd'), await window.api.info()]
    })
    expect(answers[0]).toEqual({ ok: false, error: expect.stringMatching(/^invalid app:info request/) })
    expect(answers[1]).toEqual({ ok: false, error: 'unknown channel "fs:write"' })
    expect(answers[2]).toMatchObject({ ok: true, model: { state: 'ready' } })
  })

  it('the page exposes no Node or raw IPC, and the CSP blocks inline script', async () => {
    const probe = await app.page.evaluate(async () => {
      const violations: string[] = []
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective))
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.body.append(script)
      await new Promise((r) => setTimeout(r, 50))
      const w = window as unknown as Record<string, unknown>
      return {
        inlineRan: w.__inlineRan === true,
        violations,
        apiKeys: Object.keys(window.api).sort(),
        apiTypes: Object.values(window.api).map((value) => typeof value),
        hasRequire: typeof w.require,
        hasProcess: typeof w.process,
        hasIpcRenderer: typeof w.ipcRenderer,
      }
    })
    expect(probe.inlineRan).toBe(false)
    expect(probe.violations).toContain('script-src-elem')
    // One function per channel and nothing else (see src/preload/api.test.ts for the mapping).
    expect(probe.apiKeys).toHaveLength(invokeChannels.length + eventChannels.length)
    expect(probe.apiTypes).toEqual(probe.apiKeys.map(() => 'function'))
    expect([probe.hasRequire, probe.hasProcess, probe.hasIpcRenderer]).toEqual(['undefined', 'undefined', 'undefined'])
  })

  it('printed no errors', () => {
    // The CSP test above provokes exactly one violation report on purpose.
    expect(app.errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([])
  })
})

describe('the app without a model', () => {
  it('says so plainly and stays usable as an editor', async () => {
    const app = await startApp({ modelDir: join(tmpdir(), 'np-no-such-model') })
    try {
      await app.page.getByTestId('model-status').filter({ hasText: 'unavailable' }).waitFor({ timeout: 60_000 })
      await expect(app.page.getByTestId('model-status').textContent()).resolves.toContain('no model folder at')
      const answer = await app.page.evaluate(() =>
        window.api.continue({
          requestId: 'r1',
          ppq: 480,
          tempos: [],
          timeSignatures: [{ ticks: 0, numerator: 4, denominator: 4 }],
          notes: [{ pitch: 60, ticks: 0, durationTicks: 480, velocity: 80 }],
          selection: { start: 0, end: 1 },
          barsToWrite: 1,
          temperature: 1,
          variations: 1,
          seed: 1,
        }),
      )
      expect(answer).toEqual({ ok: false, error: expect.stringContaining('no model folder at') })
    } finally {
      await app.close()
    }
  })
})
