import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startApp, type AppUnderTest } from '../helpers/appHarness.ts'
import { screenshotPath } from '../helpers/screenshots.ts'
import { ScriptedDialogs } from '#fixtures/dialogs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { minuetInG } from '#fixtures/pieces.ts'
import { exportMidi } from '../../src/shared/midi/index.ts'
import { barStartTick } from '../../src/shared/music/index.ts'

/**
 * The shipped model continuing a real piece with the panel's defaults, as a musician meets it: the
 * first 8 bars of Petzold's Minuet in G (3/4), continued by 4 bars in 4 variations. The screenshot is the
 * README's picture of a continuation (npm run screenshots writes it to docs/).
 */
describe('the shipped model continues the Minuet in G with the defaults (Chromium, real main handlers, resources/model)', () => {
  let app: AppUnderTest
  const dialogs = new ScriptedDialogs()
  const docs = tempFolder('np-continuation-docs-')

  beforeAll(async () => {
    const song = minuetInG()
    const end = barStartTick(song, 8)
    song.tracks = song.tracks.map((track) => ({ ...track, notes: track.notes.filter((note) => note.ticks < end) }))
    await writeFile(join(docs, 'minuet.mid'), exportMidi(song))
    app = await startApp({ dialogs })
    await app.page.getByTestId('model-status').filter({ hasText: 'Model: ready' }).waitFor({ timeout: 90_000 })
    dialogs.opens.push(join(docs, 'minuet.mid'))
    await app.page.keyboard.press('Control+o')
    await app.page
      .getByTestId('document-name')
      .filter({ hasText: /^minuet\.mid/ })
      .waitFor()
  })
  afterAll(async () => {
    await app?.close()
  })

  it('says before anything is sent what the eighth-note grid merges (the repeated G4s of bars 2 and 4)', async () => {
    const { page } = app
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Control+a')
    await expect(page.getByTestId('continue-unheard').textContent()).resolves.toBe(
      'The model hears eighth notes: 2 of 46 notes were merged.',
    )
  })

  it('writes 4 variations of 4 bars after bar 8 and says the key it heard the minuet in, and who chose it', async () => {
    const { page } = app
    await page.getByLabel('Seed').fill('7')
    await page.getByTestId('continue').click()
    await page.getByTestId('candidate-index').filter({ hasText: 'Candidate 1 of 4' }).waitFor({ timeout: 90_000 })
    await expect(
      page.getByText(/^Written in [\d.]+ s, in [A-G][#b]? (major|minor) \(by a key profile and the model, /).count(),
    ).resolves.toBe(1)
    await page.screenshot({ path: screenshotPath('editor-continuation.png') })
  })

  it('continues again with the independent head ("as NeuralPiano"), wandering, at twice the notes per bar', async () => {
    const { page } = app
    const head = page.getByLabel('Output head')
    await expect(head.locator('option').allTextContents()).resolves.toEqual(['chord-aware', 'independent (as NeuralPiano)'])
    await head.selectOption({ label: 'independent (as NeuralPiano)' })
    await page.getByLabel('Stay close or wander').fill('0')
    await page.getByLabel('Notes per bar').fill('2')
    await expect(page.getByText('×2.00').count()).resolves.toBe(1)
    await page.getByTestId('continue').click()
    await page.getByTestId('candidate-index').filter({ hasText: 'Candidate 5 of 8' }).waitFor({ timeout: 90_000 })
  })
})
