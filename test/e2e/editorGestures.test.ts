import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../helpers/browser.ts'
import { startApp, type AppUnderTest } from '../helpers/appHarness.ts'
import { ScriptedDialogs } from '#fixtures/dialogs.ts'
import { scaleSong } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { exportMidi, importMidi } from '../../src/shared/midi/index.ts'
import type { Note } from '../../src/shared/music/types.ts'
import { screenshotPath } from '../helpers/screenshots.ts'

// Geometry of the roll (src/renderer/src/pianoroll/transform.ts and viewMath.ts): keyboard 64 px wide,
// ruler 28 px high; Fit on an empty song shows 4 bars of 4/4 (7,680 ticks) over 96 % of the note area
// and the keys from 48 to 84 with two rows spare each side, at most 18 px a key.
const KEYBOARD = 64
const RULER = 28
const noModel = join(tempFolder('np-nomodel-'), 'none')

/** Maps song ticks and rows to page pixels for an empty song after Fit. */
async function layout(page: Page) {
  const box = (await page.getByTestId('piano-roll').boundingBox())!
  const pxPerTick = ((box.width - KEYBOARD) * 0.96) / 7680
  const keyHeight = Math.min(18, Math.floor((box.height - RULER) / 41))
  return {
    x: (tick: number) => box.x + KEYBOARD + tick * pxPerTick,
    /** Middle of the row `rows` keys above the one in the middle of the roll. */
    y: (rows: number) => box.y + RULER + (box.height - RULER) / 2 - rows * keyHeight,
    keyHeight,
    rulerY: box.y + 10,
  }
}

async function drag(page: Page, from: [number, number], to: [number, number], modifiers: ('Alt' | 'Shift')[] = []): Promise<void> {
  for (const m of modifiers) await page.keyboard.down(m)
  await page.mouse.move(...from)
  await page.mouse.down()
  await page.mouse.move(...to, { steps: 5 })
  await page.mouse.up()
  for (const m of modifiers) await page.keyboard.up(m)
}

const noteCount = async (page: Page) =>
  Number(((await page.getByTestId('note-count').textContent()) ?? '').replace(/[^\d].*$/, '').replace(/,/g, ''))

describe('editing by mouse and keyboard, and files through the editor UI (Chromium, real main handlers)', () => {
  let browser: Browser
  let app: AppUnderTest
  const dialogs = new ScriptedDialogs()
  const docs = tempFolder('np-editor-docs-')
  let exports = 0

  /** Export MIDI through the editor (Ctrl+E) and read the file back. */
  async function exported(): Promise<Note[]> {
    const path = join(docs, `export-${++exports}.mid`)
    dialogs.saves.push(path)
    await app.page.getByTestId('piano-roll').focus()
    await app.page.keyboard.press('Control+e')
    await app.page
      .getByTestId('message')
      .filter({ hasText: `Exported export-${exports}.mid.` })
      .waitFor()
    return importMidi(new Uint8Array(readFileSync(path))).song.tracks.flatMap((t) => t.notes)
  }

  beforeAll(async () => {
    browser = await launchChromium()
    app = await startApp({ browser, dialogs, modelDir: noModel })
    await app.page.getByTestId('model-status').filter({ hasText: 'unavailable' }).waitFor({ timeout: 60_000 })
    await app.page.getByTestId('piano-roll').focus()
    await app.page.keyboard.press('Control+0')
  })
  afterAll(async () => {
    await app?.close()
    await browser?.close()
  })

  it('without a model the editor says so plainly and still edits', async () => {
    await expect(app.page.getByTestId('continue-model').textContent()).resolves.toMatch(/^No model:/)
    await app.page.getByTestId('continue').click()
    await expect(app.page.getByTestId('continue-error').textContent()).resolves.toMatch(
      /No model is available .* Everything else keeps working\./,
    )
  })

  it('draws notes whose drag sets the length, snapped to the 1/16 grid', async () => {
    const { page } = app
    const at = await layout(page)
    for (let i = 0; i < 4; i++) await drag(page, [at.x(i * 480 + 10), at.y(i)], [at.x(i * 480 + 470), at.y(i)])
    const notes = await exported()
    expect(notes.map((n) => [n.ticks, n.durationTicks])).toEqual([
      [0, 480],
      [480, 480],
      [960, 480],
      [1440, 480],
    ])
    expect(notes.map((n) => n.pitch - notes[0]!.pitch)).toEqual([0, 1, 2, 3])
  })

  it('moves a note by dragging its body, resizes by its end, sets velocity with alt-drag, erases with a right click', async () => {
    const { page } = app
    const at = await layout(page)
    const before = await exported()
    await drag(page, [at.x(200), at.y(0)], [at.x(200 + 1920), at.y(2)]) // one bar later, two keys up
    await drag(page, [at.x(480 + 478), at.y(1)], [at.x(1440), at.y(1)]) // the second note's end to tick 1440
    await drag(page, [at.x(1000), at.y(2)], [at.x(1000), at.y(2) - 40], ['Alt']) // louder by 20
    await page.mouse.click(at.x(1600), at.y(3), { button: 'right' })
    const after = await exported()
    const base = before[0]!.pitch
    expect(after.map((n) => [n.pitch - base, n.ticks, n.durationTicks])).toEqual([
      [1, 480, 960],
      [2, 960, 480],
      [2, 1920, 480],
    ])
    expect(after[1]!.velocity).toBe(before[2]!.velocity + 20)
  })

  it('rubber-band selects, copies and pastes where you click; transposes with arrows; duplicates', async () => {
    const { page } = app
    const at = await layout(page)
    await page.getByRole('radio', { name: 'Select' }).click()
    await drag(page, [at.x(300), at.y(-2)], [at.x(1500), at.y(4)])
    await expect(page.getByTestId('note-count').textContent()).resolves.toBe('3 notes · 2 selected')
    await page.keyboard.press('Control+c')
    await page.mouse.click(at.x(3840 + 30), at.y(-6)) // empty space in bar 3: the paste point
    await page.keyboard.press('Control+v')
    await page.keyboard.press('Shift+ArrowUp')
    await page.keyboard.press('Control+d')
    const notes = await exported()
    const base = notes[0]!.pitch
    expect(notes.map((n) => [n.pitch - base, n.ticks])).toEqual([
      [0, 480],
      [1, 960],
      [1, 1920],
      [12, 3840],
      [13, 4320],
      [12, 4800],
      [13, 5280],
    ])
    await page.getByRole('radio', { name: 'Draw' }).click()
  })

  it('undoes every step back to the empty song and redoes them all', async () => {
    const { page } = app
    await page.getByTestId('piano-roll').focus()
    let steps = 0
    while ((await noteCount(page)) > 0 && steps < 30) {
      await page.keyboard.press('Control+z')
      steps++
    }
    expect(steps).toBe(11) // 4 drawn, move, resize, velocity, erase, paste, transpose, duplicate
    for (let i = 0; i < steps; i++) await page.keyboard.press('Control+Shift+z')
    await expect(noteCount(page)).resolves.toBe(7)
  })

  it('exports only the selected bars, from tick 0', async () => {
    const { page } = app
    const at = await layout(page)
    await page.mouse.click(at.x(2500), at.rulerY) // bar 2
    const notes = await exported()
    expect(notes.map((n) => n.ticks)).toEqual([0])
    await page.keyboard.press('Escape')
  })

  it('opens a MIDI file dropped on the window, shows what the import did, and names the document', async () => {
    const { page } = app
    const bytes = exportMidi(scaleSong('Dropped'))
    dialogs.closes.push('discard')
    await page.evaluate(
      (data) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([new Uint8Array(data)], 'dropped.mid', { type: 'audio/midi' }))
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
      },
      [...bytes],
    )
    await page.getByTestId('import-notice').waitFor()
    await expect(noteCount(page)).resolves.toBe(8)
    await expect(page.getByTestId('document-name').textContent()).resolves.toBe('dropped.mid')
    await expect(page.getByLabel('Beats per bar').inputValue()).resolves.toBe('3')
    await expect(page.getByLabel('Tempo (BPM)').inputValue()).resolves.toBe('100')
    await page.screenshot({ path: screenshotPath('editor-dropped.png') })
    // An edit marks it unsaved; undo back to the opened song clears the marker.
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Control+a')
    await page.keyboard.press('ArrowUp')
    await expect(page.getByTestId('document-name').textContent()).resolves.toBe('dropped.mid •')
    await page.keyboard.press('Control+z')
    await expect(page.getByTestId('document-name').textContent()).resolves.toBe('dropped.mid')
  })

  it('saves through the menu and the title loses its marker', async () => {
    const { page } = app
    await page.keyboard.press('Delete')
    dialogs.saves.push(join(docs, 'saved.mid'))
    await app.emit('menu:command', 'file:save')
    await page.getByTestId('message').filter({ hasText: 'Saved' }).waitFor()
    await expect(page.getByTestId('document-name').textContent()).resolves.not.toMatch(/•/)
    const saved = importMidi(new Uint8Array(readFileSync(join(docs, app.titles.at(-1)!.replace(/ — Neural Piano$/, ''))))).song
    expect(saved.tracks.flatMap((t) => t.notes)).toHaveLength(0)
  })

  it('printed no errors', () => {
    expect(app.errors).toEqual([])
  })
})

describe('restore after a crash, through the editor', () => {
  it('offers the autosave at the next start and restores it as unsaved work', async () => {
    const browser = await launchChromium()
    const dataDir = tempFolder('np-editor-data-')
    try {
      const first = await startApp({ browser, dataDir, modelDir: noModel })
      const at = await layout(first.page)
      for (let i = 0; i < 3; i++) await drag(first.page, [at.x(i * 480 + 10), at.y(i)], [at.x(i * 480 + 300), at.y(i)])
      await expect(noteCount(first.page)).resolves.toBe(3)
      // Autosave runs every 5 s while there are unsaved changes: wait for one that holds the 3 notes.
      const autosave = join(dataDir, 'autosave.json')
      for (
        let waited = 0;
        waited < 20_000 && !(existsSync(autosave) && readFileSync(autosave, 'utf8').split('"pitch"').length - 1 === 3);
        waited += 250
      ) {
        await first.page.waitForTimeout(250)
      }
      await first.close() // the crash: no clean exit

      const next = await startApp({ browser, dataDir, modelDir: noModel })
      try {
        await next.page.getByTestId('restore-prompt').waitFor()
        await next.page.screenshot({ path: screenshotPath('editor-restore.png') })
        await next.page.getByTestId('restore-accept').click()
        await next.page.getByTestId('restore-prompt').waitFor({ state: 'detached' })
        await next.page
          .getByTestId('note-count')
          .filter({ hasText: /^3 notes/ })
          .waitFor()
        await expect(next.page.getByTestId('document-name').textContent()).resolves.toMatch(/•$/)
        expect(next.errors).toEqual([])
      } finally {
        await next.close()
      }
    } finally {
      await browser.close()
    }
  })
})
