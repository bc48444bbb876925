import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.ts'
import { screenshotPath } from '../helpers/screenshots.ts'
import { startStudioProcess, type StudioProcess } from '../helpers/studioProcess.ts'
import { minuetInG } from '#fixtures/pieces.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { exportMidi } from '../../src/shared/midi/index.ts'
import { barStartTick } from '../../src/shared/music/index.ts'

/**
 * The browser mode with the shipped model (resources/model, found as `npx neural-piano studio` finds
 * it): `studio minuet.mid` opens the first 8 bars of Petzold's Minuet in G, and Continue with the
 * panel's defaults writes 4 bars in 4 variations through the real server. The screenshot is the README's
 * picture of the browser mode.
 */
let browser: Browser
let studio: StudioProcess
let page: Page

beforeAll(async () => {
  const song = minuetInG()
  const end = barStartTick(song, 8)
  song.tracks = song.tracks.map((track) => ({ ...track, notes: track.notes.filter((note) => note.ticks < end) }))
  const path = join(tempFolder('np-studio-shipped-docs-'), 'minuet.mid')
  writeFileSync(path, exportMidi(song))
  studio = await startStudioProcess([path, '--port', '0', '--data-dir', tempFolder('np-studio-shipped-data-')])
  browser = await launchChromium()
  page = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage()
  await page.goto(studio.url)
  await page.getByTestId('model-status').filter({ hasText: 'Model: ready' }).waitFor({ timeout: 90_000 })
  await page.waitForFunction(() => document.title === 'minuet.mid — Neural Piano')
})

afterAll(async () => {
  await browser?.close()
  await studio?.stop('SIGKILL')
})

describe('neural-piano studio with the shipped model', () => {
  it('continues the minuet with the defaults in the browser', async () => {
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Control+a')
    await page.getByLabel('Seed').fill('7')
    await page.getByTestId('continue').click()
    await page.getByTestId('candidate-index').filter({ hasText: 'Candidate 1 of 4' }).waitFor({ timeout: 90_000 })
    await expect(page.getByText(/^Written in [\d.]+ s, in G major \(by a key profile and the model, /).count()).resolves.toBe(1)
    await page.screenshot({ path: screenshotPath('studio-continuation.png') })
  })
})
