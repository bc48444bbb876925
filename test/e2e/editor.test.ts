import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { startApp, type AppUnderTest } from '../helpers/appHarness.ts'
import { createTinyCheckpoint } from '#fixtures/tinyCheckpoint.ts'
import { screenshotPath } from '../helpers/screenshots.ts'

// Geometry of the roll (src/renderer/src/pianoroll/transform.ts): keyboard 64 px wide, ruler 28 px high.
const KEYBOARD = 64
const RULER = 28

/** Where things are on the piano-roll canvas, in page pixels. */
async function rollBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.getByTestId('piano-roll').boundingBox()
  if (!box) throw new Error('no piano roll')
  return box
}

const noteCount = async (page: Page) =>
  Number(((await page.getByTestId('note-count').textContent()) ?? '').replace(/[^\d].*$/, '').replace(/,/g, ''))

describe('the editor: draw, select bars, continue, choose, accept, undo (Chromium, real main handlers, tiny checkpoint)', () => {
  let app: AppUnderTest
  let modelDir: string

  beforeAll(async () => {
    modelDir = await mkdtemp(join(tmpdir(), 'np-editor-model-'))
    await createTinyCheckpoint(modelDir, { hidden: 64 })
    app = await startApp({ modelDir })
    await app.page.getByTestId('model-status').filter({ hasText: 'Model: ready' }).waitFor({ timeout: 90_000 })
  })
  afterAll(async () => {
    await app?.close()
    await rm(modelDir, { recursive: true, force: true })
  })

  it('Continue without a selection says what to do, in plain words', async () => {
    const { page } = app
    await page.getByTestId('continue').click()
    await expect(page.getByTestId('continue-error').textContent()).resolves.toMatch(/Select some bars first/)
  })

  it('draws notes with clicks and drags in the first bar', async () => {
    const { page } = app
    const box = await rollBox(page)
    await page.getByTestId('piano-roll').click({ position: { x: KEYBOARD + 5, y: RULER + 5 } }) // focus
    await page.keyboard.press('Control+z') // the focusing click drew a note: take it back
    await page.keyboard.press('Control+0') // fit: an empty song shows four bars
    const barWidth = ((box.width - KEYBOARD) * 0.96) / 4
    const rows = [0, 2, 4, 2, 5, 4, 2, 0]
    for (let i = 0; i < rows.length; i++) {
      const x = box.x + KEYBOARD + (i * barWidth) / 8 + 3
      const y = box.y + box.height / 2 - rows[i]! * 8
      await page.mouse.move(x, y)
      await page.mouse.down()
      await page.mouse.move(x + barWidth / 8 - 6, y, { steps: 4 })
      await page.mouse.up()
    }
    await expect(noteCount(page)).resolves.toBe(8)
  })

  it('moves, deletes and transposes notes, each one undo step', async () => {
    const { page } = app
    await page.keyboard.press('Control+a')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Shift+ArrowDown')
    await page.keyboard.press('Delete')
    await expect(noteCount(page)).resolves.toBe(0)
    await page.keyboard.press('Control+z')
    await expect(noteCount(page)).resolves.toBe(8)
    await page.keyboard.press('Control+z')
    await page.keyboard.press('Control+z')
    await expect(page.getByTestId('note-count').textContent()).resolves.toMatch(/8 notes · 8 selected/)
    await page.keyboard.press('Escape')
  })

  it('selects a bar by dragging on the ruler', async () => {
    const { page } = app
    const box = await rollBox(page)
    await page.mouse.move(box.x + KEYBOARD + 20, box.y + 10)
    await page.mouse.down()
    await page.mouse.move(box.x + KEYBOARD + 60, box.y + 10, { steps: 3 })
    await page.mouse.up()
    await expect(page.getByTestId('selected-bars').textContent()).resolves.toBe('Bar 1')
  })

  it('continues the bar: progress, candidates as ghost notes, cycling with keys and buttons', async () => {
    const { page } = app
    await page.getByLabel('Variations').fill('3')
    await page.getByLabel('Bars to write').fill('2')
    await page.getByTestId('continue').click()
    await page.getByTestId('candidate-index').waitFor({ timeout: 60_000 })
    await expect(page.getByTestId('candidate-index').textContent()).resolves.toBe('Candidate 1 of 3')
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press(']')
    await expect(page.getByTestId('candidate-index').textContent()).resolves.toBe('Candidate 2 of 3')
    await page.getByRole('button', { name: 'Next candidate' }).click()
    await page.getByRole('button', { name: 'Next candidate' }).click()
    await expect(page.getByTestId('candidate-index').textContent()).resolves.toBe('Candidate 1 of 3')
    await page.keyboard.press('[')
    await expect(page.getByTestId('candidate-index').textContent()).resolves.toBe('Candidate 3 of 3')
    await expect(noteCount(page)).resolves.toBe(8) // ghosts are not in the song yet
  })

  it('continuing again keeps the earlier candidates reachable', async () => {
    const { page } = app
    await page.getByTestId('continue').click()
    await page.getByTestId('candidate-index').filter({ hasText: 'Candidate 4 of 6' }).waitFor({ timeout: 60_000 })
    await page.screenshot({ path: screenshotPath('editor-candidates.png') })
  })

  it('accepts a candidate as one undo step, then undoes and redoes it', async () => {
    const { page } = app
    const meta = (await page.getByText(/^\d+ notes? · Continue \d/).textContent()) ?? ''
    const written = Number(meta.split(' ')[0])
    await page.getByTestId('accept').click()
    await expect(page.getByTestId('candidate-index').count()).resolves.toBe(0)
    await expect(noteCount(page)).resolves.toBe(8 + written)
    await expect(page.getByTestId('selected-bars').textContent()).resolves.toBe('Bars 2–3') // the next Continue goes on from them
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Control+z')
    await expect(noteCount(page)).resolves.toBe(8)
    await page.keyboard.press('Control+y')
    await expect(noteCount(page)).resolves.toBe(8 + written)
    await app.emit('menu:command', 'edit:undo')
    await expect(noteCount(page)).resolves.toBe(8)
  })

  it('cancels a generation and says so; nothing changes', async () => {
    const { page } = app
    const box = await rollBox(page)
    await page.mouse.click(box.x + KEYBOARD + 20, box.y + 10) // bar 1 again
    await page.getByLabel('Bars to write').fill('32')
    await page.getByLabel('Variations').fill('8')
    await page.getByTestId('continue').click()
    await page.keyboard.press('Escape') // at once: the tiny model writes 32 bars in well under a second
    await expect(page.getByTestId('continue-error').textContent()).resolves.toMatch(/Cancelled/)
    await expect(noteCount(page)).resolves.toBe(8)
    await page.getByLabel('Bars to write').fill('2')
    await page.getByLabel('Variations').fill('3')
  })

  it('bars with no notes get a plain explanation', async () => {
    const { page } = app
    const box = await rollBox(page)
    const barWidth = ((box.width - KEYBOARD) * 0.96) / 4
    await page.mouse.click(box.x + KEYBOARD + barWidth * 2.5, box.y + 10)
    await expect(page.getByTestId('selected-bars').textContent()).resolves.toBe('Bar 3')
    await page.getByTestId('continue').click()
    await expect(page.getByTestId('continue-error').textContent()).resolves.toMatch(/no piano notes/)
  })

  it('menu commands reach the editor: zoom, fit, help overlay', async () => {
    const { page } = app
    await app.emit('menu:command', 'help:shortcuts')
    await page.getByTestId('shortcuts').waitFor()
    await page.screenshot({ path: screenshotPath('editor-shortcuts.png') })
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('shortcuts').isVisible()).resolves.toBe(false)
    await app.emit('menu:command', 'view:zoomIn')
    await app.emit('menu:command', 'view:fit')
  })

  it('edits tempo and time signature; the ruler follows', async () => {
    const { page } = app
    await page.keyboard.press('Escape')
    await page.getByLabel('Tempo (BPM)').fill('96')
    await page.getByLabel('Tempo (BPM)').press('Enter')
    await page.getByLabel('Beat unit').selectOption('8')
    await page.getByLabel('Beats per bar').fill('6')
    await page.getByLabel('Beats per bar').press('Enter')
    await page.screenshot({ path: screenshotPath('editor-meter.png') })
    await page.getByTestId('piano-roll').focus()
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z')
    await expect(page.getByLabel('Tempo (BPM)').inputValue()).resolves.toBe('120')
  })

  it('plays and stops', async () => {
    const { page } = app
    await page.getByRole('button', { name: '▶ Play' }).click()
    await page.getByRole('button', { name: '■ Stop' }).waitFor({ timeout: 30_000 })
    await page.waitForTimeout(700)
    await page.screenshot({ path: screenshotPath('editor-playing.png') })
    await page.keyboard.press(' ')
    await page.getByRole('button', { name: '▶ Play' }).waitFor()
  })

  it('printed no errors', () => {
    expect(app.errors).toEqual([])
  })
})
