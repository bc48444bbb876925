import type { Page } from 'playwright-core'

// Geometry of the roll (src/renderer/src/pianoroll/transform.ts): keyboard 64 px wide, ruler 28 px high;
// Fit on an empty song shows four bars of 4/4 over 96 % of the note area.
const KEYBOARD = 64
const RULER = 28

/** The piano-roll canvas in page pixels. */
export async function rollBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.getByTestId('piano-roll').boundingBox()
  if (!box) throw new Error('no piano roll')
  return box
}

/** The number of notes the status bar shows. */
export async function noteCount(page: Page): Promise<number> {
  return Number(((await page.getByTestId('note-count').textContent()) ?? '').replace(/[^\d].*$/, '').replace(/,/g, ''))
}

/** Waits until the status bar shows `count` notes (a song loads a moment after its prompt or notice goes). */
export async function waitForNotes(page: Page, count: number): Promise<void> {
  await page
    .getByTestId('note-count')
    .filter({ hasText: new RegExp(`^${count} notes?\\b`) })
    .waitFor({ timeout: 10_000 })
}

/** Draws eight eighth notes in bar 1 of an empty song with the mouse, as a user would (after Fit). */
export async function drawEightNotes(page: Page): Promise<void> {
  const box = await rollBox(page)
  await page.getByTestId('piano-roll').click({ position: { x: KEYBOARD + 5, y: RULER + 5 } }) // focus
  await page.keyboard.press('Control+z') // the focusing click drew a note: take it back
  await page.keyboard.press('Control+0')
  const barWidth = ((box.width - KEYBOARD) * 0.96) / 4
  const rows = [0, 2, 4, 2, 5, 4, 2, 0]
  for (let i = 0; i < rows.length; i++) {
    const x = box.x + KEYBOARD + (i * barWidth) / 8 + 3
    const y = box.y + box.height / 2 - (rows[i] ?? 0) * 8
    await page.mouse.move(x, y)
    await page.mouse.down()
    await page.mouse.move(x + barWidth / 8 - 6, y, { steps: 4 })
    await page.mouse.up()
  }
}

/** Selects bar 1 by dragging on the ruler. */
export async function selectFirstBar(page: Page): Promise<void> {
  const box = await rollBox(page)
  await page.mouse.move(box.x + KEYBOARD + 20, box.y + 10)
  await page.mouse.down()
  await page.mouse.move(box.x + KEYBOARD + 60, box.y + 10, { steps: 3 })
  await page.mouse.up()
}

/** Continues the selected bars (2 bars, one variation) and waits for the candidate; resolves to its note count. */
export async function continueAndWait(page: Page): Promise<number> {
  await page.getByLabel('Variations').fill('1')
  await page.getByLabel('Bars to write').fill('2')
  await page.getByTestId('continue').click()
  await page.getByTestId('candidate-index').waitFor({ timeout: 60_000 })
  const meta = (await page.getByText(/^\d+ notes? · Continue \d/).textContent()) ?? ''
  return Number(meta.split(' ')[0])
}
