import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.ts'
import { continueAndWait, drawEightNotes, noteCount, selectFirstBar, waitForNotes } from '../helpers/roll.ts'
import { startStudioProcess, type StudioProcess } from '../helpers/studioProcess.ts'
import { createTinyCheckpoint } from '#fixtures/tinyCheckpoint.ts'
import { scaleSong } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { eventChannels, invokeChannels } from '../../src/shared/ipc/index.ts'
import { exportMidi, importMidi } from '../../src/shared/midi/index.ts'

/**
 * The browser mode as a user meets it: `neural-piano studio` started as its own process, Debian's
 * Chromium opening the address it printed, and nothing between them but HTTP. Chromium runs without
 * the File System Access API (as Firefox and Safari do), so saves and exports are downloads;
 * src/renderer/src/platform/webApi.test.ts covers the save picker.
 */
let studio: StudioProcess
let browser: Browser
let context: BrowserContext
let page: Page
const errors: string[] = []
const docs = tempFolder('np-studio-docs-')
const dataDir = tempFolder('np-studio-data-')

/** A button of the toolbar's file group. */
function fileButton(name: string) {
  return page.locator('[aria-label="File"]').getByRole('button', { name, exact: true })
}

/** Runs `action` and saves the download it starts under `docs`; resolves to the download and its notes. */
async function downloaded(action: () => Promise<void>, as: string): Promise<{ download: Download; notes: number }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()])
  const path = join(docs, as)
  await download.saveAs(path)
  return { download, notes: importMidi(new Uint8Array(readFileSync(path))).song.tracks.flatMap((t) => t.notes).length }
}

beforeAll(async () => {
  const modelDir = join(tempFolder('np-studio-model-'), 'tiny')
  await createTinyCheckpoint(modelDir, { hidden: 64 })
  studio = await startStudioProcess(['--port', '0', '--model', modelDir, '--data-dir', dataDir])
  console.log(`studio printed its address ${Math.round(studio.startMs)} ms after the spawn`)
  browser = await launchChromium(['--disable-blink-features=FileSystemAccessLocal'])
  context = await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true })
  page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`)
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(studio.url)
  await page.getByTestId('model-status').filter({ hasText: 'Model: ready' }).waitFor({ timeout: 90_000 })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await studio?.stop('SIGKILL')
})

describe('neural-piano studio in Chromium, through the real server', () => {
  it('serves the app behind its token, which leaves the address bar and never reaches the page', async () => {
    expect(page.url()).toBe(`${studio.origin}/`)
    await page.waitForFunction(() => document.title === 'Untitled — Neural Piano')
    const probe = await page.evaluate(() => ({ cookie: document.cookie, keys: Object.keys(window.api).length, history: history.length }))
    expect(probe).toEqual({ cookie: '', keys: invokeChannels.length + eventChannels.length, history: 2 })
  })

  it('draws notes, continues the selected bar, accepts the candidate, and exports MIDI as a download', async () => {
    await drawEightNotes(page)
    await waitForNotes(page, 8)
    await selectFirstBar(page)
    expect(await page.getByTestId('selected-bars').textContent()).toBe('Bar 1')
    const written = await continueAndWait(page)
    await page.getByTestId('accept').click()
    expect(await noteCount(page)).toBe(8 + written)
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Escape') // no bars selected: Export writes the whole song
    const { download, notes } = await downloaded(async () => {
      await page.getByText('Export ▾').click()
      await page.getByRole('menuitem', { name: /MIDI file/ }).click()
    }, 'export.mid')
    expect(download.suggestedFilename()).toBe('Untitled.mid')
    expect(notes).toBe(8 + written)
    await page.getByTestId('message').filter({ hasText: 'Exported Untitled.mid.' }).waitFor()
    expect(await page.title()).toBe('Untitled • — Neural Piano')
  })

  it('opens a MIDI file with the file chooser (asking first about the unsaved song), continues it, saves it and reopens it', async () => {
    const source = join(docs, 'scale.mid')
    await import('node:fs/promises').then((fs) => fs.writeFile(source, exportMidi(scaleSong('Scale'))))
    await fileButton('Open').click()
    const question = page.getByTestId('unsaved-question')
    expect(await question.textContent()).toContain('Save the changes to “Untitled”?')
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), question.getByRole('button', { name: 'Don’t Save' }).click()])
    await chooser.setFiles(source)
    await page.getByTestId('import-notice').filter({ hasText: 'Read 8 notes (MIDI format 1).' }).waitFor()
    expect(await noteCount(page)).toBe(8)
    await page.waitForFunction(() => document.title === 'scale.mid — Neural Piano')

    await selectFirstBar(page)
    await continueAndWait(page)
    await page.getByTestId('accept').click()
    // The candidate's notes join the scale's own in bars 2-3, where overlapping ones merge.
    const continued = await noteCount(page)
    expect(continued).toBeGreaterThan(8)
    await page.waitForFunction(() => document.title === 'scale.mid • — Neural Piano')
    const { download, notes } = await downloaded(() => fileButton('Save').click(), 'saved.mid')
    expect(download.suggestedFilename()).toBe('scale.mid')
    expect(notes).toBe(continued)
    await page.waitForFunction(() => document.title === 'scale.mid — Neural Piano')

    // Reopen: from Open Recent (the server's copy of what was saved), then the saved file itself.
    await fileButton('New').click()
    await page.waitForFunction(() => document.title === 'Untitled — Neural Piano')
    await waitForNotes(page, 0)
    await page.getByLabel('Open recent').click()
    await page.getByRole('menuitem', { name: 'scale.mid' }).first().click()
    await page.waitForFunction(() => document.title === 'scale.mid — Neural Piano')
    await waitForNotes(page, continued)
    await fileButton('New').click()
    const [again] = await Promise.all([page.waitForEvent('filechooser'), fileButton('Open').click()])
    await again.setFiles(join(docs, 'saved.mid'))
    await page
      .getByTestId('import-notice')
      .filter({ hasText: `Read ${continued} notes` })
      .waitFor()
    expect(await noteCount(page)).toBe(continued)
  })

  it('offers the application menu in the page, and Cancel in the unsaved question keeps the changes', async () => {
    const menu = page.getByTestId('page-menu')
    await menu.getByLabel('Menu').click()
    await menu.getByRole('menuitem', { name: /Keyboard Shortcuts/ }).click()
    await page.getByTestId('shortcuts').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Delete')
    expect(await noteCount(page)).toBe(0)
    await menu.getByLabel('Menu').click()
    await menu.getByRole('menuitem', { name: /^New/ }).click()
    await page.getByTestId('unsaved-question').getByRole('button', { name: 'Cancel' }).click()
    await page.getByTestId('unsaved-question').waitFor({ state: 'detached' })
    expect(await noteCount(page)).toBe(0)
    expect(await page.title()).toBe('saved.mid • — Neural Piano')
    await menu.getByLabel('Menu').click()
    await menu.getByRole('menuitem', { name: /^Undo/ }).click()
    expect(await noteCount(page)).toBeGreaterThan(8)
    const { download } = await downloaded(async () => {
      await menu.getByLabel('Menu').click()
      await menu.getByRole('menuitem', { name: /^Save As/ }).click()
    }, 'save-as.mid')
    expect(download.suggestedFilename()).toBe('saved.mid')
  })

  it('printed no errors', () => {
    expect(errors).toEqual([])
  })

  it('stops cleanly on Ctrl+C', async () => {
    await context.close()
    expect(await studio.stop('SIGINT')).toBe(0)
    expect(studio.output()).toMatch(/SIGINT: stopping\nstopped\n$/)
  })
})
