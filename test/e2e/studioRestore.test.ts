import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.ts'
import { drawEightNotes, noteCount, waitForNotes } from '../helpers/roll.ts'
import { startStudioProcess, type StudioProcess } from '../helpers/studioProcess.ts'
import { scaleSong } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { exportMidi } from '../../src/shared/midi/index.ts'

/**
 * The browser mode keeps work as the app does: the page autosaves to the server's data folder, and
 * after a crash of the server (killed, no clean exit) the next `neural-piano studio` offers it back.
 * No model is loaded: files must work without one.
 */
let browser: Browser
const noModel = join(tempFolder('np-nomodel-'), 'none')
const started: StudioProcess[] = []

async function studioWith(dataDir: string, ...args: string[]): Promise<StudioProcess> {
  const studio = await startStudioProcess([...args, '--port', '0', '--model', noModel, '--data-dir', dataDir])
  started.push(studio)
  return studio
}

async function open(studio: StudioProcess): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage()
  await page.goto(studio.url)
  await page.getByRole('banner', { name: 'Toolbar' }).waitFor()
  return page
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  for (const studio of started) await studio.stop('SIGKILL')
})

describe('studio: crash and restore', () => {
  it('offers the autosave of a killed server in the next one, and restores it as unsaved work', async () => {
    const dataDir = tempFolder('np-studio-data-')
    const first = await studioWith(dataDir)
    const page = await open(first)
    await drawEightNotes(page)
    await waitForNotes(page, 8)
    await until(() => existsSync(join(dataDir, 'autosave.json')), 'the autosave (every 5 s while there are unsaved changes)')
    await first.crash()
    await page.context().close()

    const second = await studioWith(dataDir)
    const next = await open(second)
    const prompt = next.getByTestId('restore-prompt')
    await prompt.waitFor()
    expect(await prompt.textContent()).toMatch(/Neural Piano did not close properly\. Restore “Untitled” \(8 notes\)/)
    await next.getByTestId('restore-accept').click()
    await prompt.waitFor({ state: 'detached' })
    await waitForNotes(next, 8)
    await next.waitForFunction(() => document.title === 'Untitled • — Neural Piano')
    // Stopped cleanly with unsaved work, the autosave stays for the next launch.
    expect(await second.stop('SIGINT')).toBe(0)
    expect(existsSync(join(dataDir, 'autosave.json'))).toBe(true)
    await next.context().close()
  })
})

describe('studio FILE.mid', () => {
  it('opens the file in the page, lists it under Open Recent, and a reload does not open it again', async () => {
    const folder = tempFolder('np-studio-docs-')
    const path = join(folder, 'etude.mid')
    writeFileSync(path, exportMidi(scaleSong('Etude')))
    const studio = await studioWith(tempFolder('np-studio-data-'), path)
    const page = await open(studio)
    await page.getByTestId('import-notice').filter({ hasText: 'Read 8 notes (MIDI format 1).' }).waitFor()
    await waitForNotes(page, 8)
    await page.waitForFunction(() => document.title === 'etude.mid — Neural Piano')
    await page.getByLabel('Open recent').click()
    expect(await page.getByRole('menuitem', { name: 'etude.mid' }).getAttribute('title')).toBe(folder)
    await page.reload()
    await page.getByRole('banner', { name: 'Toolbar' }).waitFor()
    expect(await noteCount(page)).toBe(0)
    await page.context().close()
  })
})
