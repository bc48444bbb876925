import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApp, type AppUnderTest } from '../helpers/appHarness.ts'
import { fakeMidiScript, midiRequests, playKeyboard, plugKeyboard, unplugKeyboard, type FakeMessage } from '../helpers/fakeMidi.ts'
import { continueAndWait, noteCount } from '../helpers/roll.ts'
import { screenshotPath } from '../helpers/screenshots.ts'
import { createTinyCheckpoint } from '#fixtures/tinyCheckpoint.ts'
import { ScriptedDialogs } from '#fixtures/dialogs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { importMidi } from '../../src/shared/midi/index.ts'
import type { Note } from '../../src/shared/music/types.ts'

// 120 bpm in 4/4, PPQ 480: an eighth note is 250 ms and 240 ticks; a bar 2 s and 1920 ticks.
const EIGHTH_MS = 250
const EIGHTH_TICKS = 240

/**
 * The phrase played in: eight eighth notes, each held 200 ms and a little early or late (as a person
 * plays), the first struck 30 ms into the count-in; the pedal goes down before the seventh key is let
 * go and comes up at the end of the bar, so the last two sound to the bar line.
 */
const pitches = [60, 62, 64, 65, 67, 65, 64, 62]
const jitter = [-30, 12, -18, 8, 19, -11, 6, -7]
const pedalDownMs = 1400
const pedalUpMs = 1990

/** The phrase's MIDI messages, on the page clock, for a take whose first beat is heard at `start`. */
function phrase(start: number): FakeMessage[] {
  const messages: FakeMessage[] = []
  pitches.forEach((pitch, i) => {
    const on = start + i * EIGHTH_MS + jitter[i]!
    messages.push({ at: on, bytes: [0x90, pitch, 60 + i * 5] }, { at: on + 200, bytes: [0x80, pitch, 0] })
  })
  messages.push({ at: start + pedalDownMs, bytes: [0xb0, 64, 127] }, { at: start + pedalUpMs, bytes: [0xb0, 64, 0] })
  return messages.sort((a, b) => a.at - b.at)
}

/**
 * What the take must hold at a 1/8 grid: each key on its eighth (200 ms held rounds up to one eighth),
 * the pedal keeping the last two (let go under it) sounding to the bar line, velocities as played.
 */
function expectedNotes(): Note[] {
  return pitches.map((pitch, i) => {
    const ticks = i * EIGHTH_TICKS
    const releasedUnderPedal = i * EIGHTH_MS + jitter[i]! + 200 > pedalDownMs
    return { pitch, ticks, durationTicks: releasedUnderPedal ? 1920 - ticks : EIGHTH_TICKS, velocity: 60 + i * 5 }
  })
}

describe('playing in from a MIDI keyboard: record with a count-in, continue, export (Chromium, a fake Web MIDI, tiny checkpoint)', () => {
  let app: AppUnderTest
  let modelDir: string
  const dialogs = new ScriptedDialogs()
  const docs = tempFolder('np-recording-')

  beforeAll(async () => {
    modelDir = await mkdtemp(join(tmpdir(), 'np-recording-model-'))
    await createTinyCheckpoint(modelDir, { hidden: 64 })
    app = await startApp({ modelDir, dialogs, initScript: fakeMidiScript })
    await app.page.getByTestId('model-status').filter({ hasText: 'Model: ready' }).waitFor({ timeout: 90_000 })
  })
  afterAll(async () => {
    await app?.close()
    await rm(modelDir, { recursive: true, force: true })
  })

  it('asks for MIDI only when the player connects, never for sysex, and listens to the keyboard', async () => {
    const { page } = app
    await page.getByTestId('midi-input').and(page.locator('[data-status="idle"]')).waitFor({ state: 'attached' })
    expect(await midiRequests(page)).toEqual([])
    await plugKeyboard(page, 'k1', 'Fake Keys')
    await page.locator('summary', { hasText: 'MIDI: off' }).click()
    await page.getByRole('button', { name: 'Connect MIDI keyboard' }).click()
    await expect(page.getByLabel('MIDI input').locator('option:checked').textContent()).resolves.toBe('Fake Keys')
    expect(await midiRequests(page)).toEqual([{ sysex: false }])
    await page.getByTestId('message').filter({ hasText: '“Fake Keys” connected' }).waitFor()
    await page.locator('summary', { hasText: 'MIDI: Fake Keys' }).click() // closes the popup
  })

  it('remembers the keyboard after a reload, and follows it being unplugged and plugged back in', async () => {
    const { page } = app
    await page.reload()
    await page.getByTestId('midi-input').and(page.locator('[data-status="ready"]')).waitFor({ state: 'attached' })
    await plugKeyboard(page, 'k2', 'Other Keys')
    await plugKeyboard(page, 'k1', 'Fake Keys')
    const picked = page.getByLabel('MIDI input').locator('option:checked')
    await expect(picked.textContent()).resolves.toBe('Fake Keys') // the remembered one, not the first
    await unplugKeyboard(page, 'k1')
    await page.getByTestId('message').filter({ hasText: '“Fake Keys” was unplugged' }).waitFor()
    await expect(picked.textContent()).resolves.toBe('Fake Keys (unplugged)')
    await plugKeyboard(page, 'k1', 'Fake Keys')
    await expect.poll(() => picked.textContent()).toBe('Fake Keys')
  })

  it('stopped in the count-in: nothing is recorded and the song does not start playing after it', async () => {
    const { page } = app
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('r')
    const record = page.getByTestId('record')
    await page.locator('[data-testid="record"][data-take-start]').waitFor({ timeout: 30_000 })
    const start = Number(await record.getAttribute('data-take-start'))
    await page.keyboard.press('r')
    await expect(record.getAttribute('data-state')).resolves.toBe('idle')
    await page.getByTestId('message').filter({ hasText: 'Nothing was played' }).waitFor()
    await page.waitForFunction((t) => performance.now() > t, start + 500)
    await expect(page.getByTestId('piano-roll').getAttribute('data-playhead')).resolves.toBeNull()
    await page.getByRole('button', { name: '▶ Play' }).waitFor()
    await expect(noteCount(page)).resolves.toBe(0)
  })

  it('records a phrase after a bar of count-in, quantized to the grid, as one undo step, its bar selected', async () => {
    const { page } = app
    await page.getByRole('combobox', { name: 'Snap grid' }).selectOption({ label: '1/8' })
    const options = page.locator('summary', { hasText: 'MIDI: Fake Keys' })
    await options.click()
    await page.getByRole('checkbox', { name: /Quantize to the snap grid/ }).check()
    await expect(page.getByRole('checkbox', { name: /Count in one bar first/ }).isChecked()).resolves.toBe(true)
    await options.click()
    await page.getByRole('switch', { name: 'Metronome' }).click()
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('r')
    const record = page.getByTestId('record')
    await page.locator('[data-testid="record"][data-take-start]').waitFor({ timeout: 30_000 })
    const start = Number(await record.getAttribute('data-take-start'))
    const now = await page.evaluate(() => performance.now())
    expect(start - now).toBeGreaterThan(1000) // most of the count-in bar (2 s) is still to come
    await expect(record.getAttribute('data-state')).resolves.toBe('countIn')
    await playKeyboard(page, 'k1', phrase(start))
    await page.waitForFunction((t) => performance.now() > t, start + 2300)
    await expect(record.getAttribute('data-state')).resolves.toBe('recording')
    await expect(noteCount(page)).resolves.toBe(8) // shown while recording
    await page.keyboard.press('r')
    await expect(record.getAttribute('data-state')).resolves.toBe('idle')
    await page.getByTestId('message').filter({ hasText: 'Recorded 8 notes in bar 1, selected' }).waitFor()
    await expect(page.getByTestId('selected-bars').textContent()).resolves.toBe('Bar 1')
    await options.click()
    await page.screenshot({ path: screenshotPath('editor-recording.png') })
    await options.click()
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Control+z')
    await expect(noteCount(page)).resolves.toBe(0)
    await page.keyboard.press('Control+y')
    await expect(noteCount(page)).resolves.toBe(8)
  })

  it('continues the recorded bar and exports a file whose first bar is what was played', async () => {
    const { page } = app
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Escape')
    const box = (await page.getByTestId('piano-roll').boundingBox())!
    await page.mouse.click(box.x + 64 + 20, box.y + 10) // bar 1 on the ruler
    await expect(page.getByTestId('selected-bars').textContent()).resolves.toBe('Bar 1')
    const written = await continueAndWait(page)
    await page.getByTestId('accept').click()
    await expect(noteCount(page)).resolves.toBe(8 + written)
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Escape') // no bars selected: Export writes the whole song
    const path = join(docs, 'take.mid')
    dialogs.saves.push(path)
    await page.keyboard.press('Control+e')
    await page.getByTestId('message').filter({ hasText: 'Exported take.mid.' }).waitFor()
    const { song } = importMidi(new Uint8Array(readFileSync(path)))
    const notes = song.tracks.flatMap((t) => t.notes)
    const scale = song.ppq / 480
    const played = notes
      .filter((n) => n.ticks < 1920 * scale)
      .map((n) => ({ ...n, ticks: n.ticks / scale, durationTicks: n.durationTicks / scale }))
    expect(played).toEqual(expectedNotes())
    expect(notes.filter((n) => n.ticks >= 1920 * scale)).toHaveLength(written)
  })

  it('printed no errors', () => {
    expect(app.errors).toEqual([])
  })
})
