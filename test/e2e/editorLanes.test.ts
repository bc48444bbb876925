import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { startApp, type AppUnderTest } from '../helpers/appHarness.ts'
import { screenshotPath } from '../helpers/screenshots.ts'
import { ScriptedDialogs } from '#fixtures/dialogs.ts'
import { createTinyCheckpoint } from '#fixtures/tinyCheckpoint.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { exportMidi, importMidi } from '../../src/shared/midi/index.ts'
import { createSong } from '../../src/shared/music/song.ts'
import type { Song } from '../../src/shared/music/types.ts'
import { rms } from '../helpers/wav.ts'

// Geometry (src/renderer/src/pianoroll/transform.ts, viewMath.ts, lane/laneScale.ts): the keyboard is 64 px
// wide; a song shorter than four bars opens fitted to four bars of 4/4 (7,680 ticks) over 96 % of the note
// area; the velocity lane (under the roll, with the roll's x) puts velocity v at 90 - v * 84 / 127 px.
const KEYBOARD = 64

/**
 * Two hands at 120 bpm: the right hand plays C5 D5 E5 F5 as quarter notes in bar 1 (velocity 80), the
 * left hand C3 and G3 on the first two beats of bar 3 (velocity 100).
 */
function twoHands(): Song {
  const song = createSong(480)
  song.name = 'Two hands'
  const note = (pitch: number, ticks: number, velocity: number) => ({ pitch, ticks, durationTicks: 400, velocity })
  song.tracks = [
    { ...song.tracks[0]!, name: 'Right hand', notes: [72, 74, 76, 77].map((p, i) => note(p, i * 480, 80)) },
    { ...song.tracks[0]!, name: 'Left hand', channel: 1, notes: [note(48, 3840, 100), note(55, 4320, 100)] },
  ]
  return song
}

/** Page x of a tick and page y of a velocity in the lane, for a song opened fitted to four bars. */
async function layout(page: Page) {
  const roll = (await page.getByTestId('piano-roll').boundingBox())!
  const lane = (await page.getByTestId('velocity-lane').boundingBox())!
  const pxPerTick = ((roll.width - KEYBOARD) * 0.96) / 7680
  return {
    x: (tick: number) => roll.x + KEYBOARD + tick * pxPerTick,
    velocityY: (v: number) => lane.y + 90 - (v * 84) / 127,
    rulerY: roll.y + 10,
    middleY: roll.y + roll.height / 2,
  }
}

describe('velocity lane, position readout, tracks (Chromium, real main handlers, tiny checkpoint)', () => {
  let app: AppUnderTest
  let modelDir: string
  const dialogs = new ScriptedDialogs()
  const docs = tempFolder('np-lanes-docs-')
  let files = 0

  /** Opens a song through File > Open (answering "Don't Save" if asked) and waits for its tracks. */
  async function open(song: Song, name: string): Promise<void> {
    const path = join(docs, name)
    await import('node:fs/promises').then((fs) => fs.writeFile(path, exportMidi(song)))
    dialogs.opens.push(path)
    dialogs.closes.push('discard')
    await app.page.keyboard.press('Control+o')
    await app.page
      .getByTestId('document-name')
      .filter({ hasText: new RegExp(`^${name}`) })
      .waitFor()
  }

  /** Exports MIDI (Ctrl+E) and reads the file back. */
  async function exported(): Promise<Song> {
    const path = join(docs, `export-${++files}.mid`)
    dialogs.saves.push(path)
    await app.page.keyboard.press('Control+e')
    await app.page
      .getByTestId('message')
      .filter({ hasText: `Exported export-${files}.mid.` })
      .waitFor()
    return importMidi(new Uint8Array(readFileSync(path))).song
  }

  /** Exports audio (Export ▾ > Audio) and reads the WAV file back. */
  async function exportedWav(): Promise<Buffer> {
    const name = `audio-${++files}.wav`
    dialogs.saves.push(join(docs, name))
    await app.page.getByText('Export ▾').click()
    await app.page.getByRole('menuitem', { name: 'Audio (WAV)…' }).click()
    await app.page
      .getByTestId('message')
      .filter({ hasText: `Exported ${name}.` })
      .waitFor({ timeout: 60_000 })
    return readFileSync(join(docs, name))
  }

  const velocitiesOf = (song: Song, track: string) => song.tracks.find((t) => t.name === track)!.notes.map((n) => n.velocity)
  const trackNames = (page: Page) => page.getByTestId('track').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-track-name')))

  beforeAll(async () => {
    modelDir = await mkdtemp(join(tmpdir(), 'np-lanes-model-'))
    await createTinyCheckpoint(modelDir, { hidden: 64 })
    app = await startApp({ modelDir, dialogs })
    await app.page.getByTestId('model-status').filter({ hasText: 'Model: ready' }).waitFor({ timeout: 90_000 })
    await open(twoHands(), 'hands.mid')
  })
  afterAll(async () => {
    await app?.close()
    await rm(modelDir, { recursive: true, force: true })
  })

  it('lists the tracks of the opened file, each in its colour', async () => {
    const { page } = app
    await expect(trackNames(page)).resolves.toEqual(['Right hand', 'Left hand'])
    const colours = await page
      .getByTestId('track')
      .evaluateAll((rows) => rows.map((r) => (r.querySelector('input[type=color]') as HTMLInputElement).value))
    expect(new Set(colours).size).toBe(2)
  })

  it('draws a velocity ramp across the notes in the lane, as one undo step', async () => {
    const { page } = app
    const at = await layout(page)
    await page.mouse.move(at.x(0), at.velocityY(20))
    await page.mouse.down()
    await page.mouse.move(at.x(700), at.velocityY(60), { steps: 4 })
    await page.mouse.move(at.x(1440), at.velocityY(110), { steps: 4 })
    await page.mouse.up()
    expect(velocitiesOf(await exported(), 'Right hand')).toEqual([20, 50, 80, 110])
    expect(velocitiesOf(await exported(), 'Left hand')).toEqual([100, 100]) // outside the ramp
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Control+z')
    expect(velocitiesOf(await exported(), 'Right hand')).toEqual([80, 80, 80, 80])
    await page.keyboard.press('Control+Shift+z')
    // A click sets one bar.
    await page.mouse.click(at.x(960), at.velocityY(30))
    expect(velocitiesOf(await exported(), 'Right hand')).toEqual([20, 50, 30, 110])
    await page.keyboard.press('Control+z')
    expect(velocitiesOf(await exported(), 'Right hand')).toEqual([20, 50, 80, 110])
  })

  it('shows bar.beat.tick of the pointer and of the playhead', async () => {
    const { page } = app
    const at = await layout(page)
    await page.mouse.move(at.x(1920 + 960 + 240), at.middleY)
    await expect(page.getByTestId('hover').textContent()).resolves.toMatch(/ · 2\.3\.2\d\d$/)
    await expect(page.getByTestId('playhead-position').textContent()).resolves.toBe('1.1.000')
    await page.mouse.click(at.x(1920 + 100), at.rulerY) // bar 2: Play starts there
    await expect(page.getByTestId('playhead-position').textContent()).resolves.toBe('2.1.000')
    await page.keyboard.press('l') // loop bar 2, so the playhead stays in it until stopped
    await page.keyboard.press(' ')
    await page.getByTestId('playhead-position').filter({ hasNotText: '2.1.000' }).waitFor({ timeout: 30_000 })
    await expect(page.getByTestId('playhead-position').textContent()).resolves.toMatch(/^2\.[1-4]\.\d{3}$/)
    await page.keyboard.press(' ')
    await page.getByTestId('playhead-position').filter({ hasText: '2.1.000' }).waitFor()
    await page.keyboard.press('l')
    await page.keyboard.press('Escape')
  })

  it('mute and solo decide what Export WAV renders', async () => {
    const { page } = app
    // The right hand sounds from 0 s, the left hand from 4 s (bar 3 at 120 bpm).
    const loud = (wav: Buffer) => [rms(wav, 0.05, 0.35) > 0.003, rms(wav, 4.05, 4.35) > 0.003]
    expect(loud(await exportedWav())).toEqual([true, true])
    await page.getByRole('button', { name: 'Mute Left hand', exact: true }).click()
    expect(loud(await exportedWav())).toEqual([true, false])
    // Soloed and no longer muted: the left hand alone.
    await page.getByRole('button', { name: 'Solo Left hand', exact: true }).click()
    await page.getByRole('button', { name: 'Mute Left hand', exact: true }).click()
    expect(loud(await exportedWav())).toEqual([false, true])
    await page.getByRole('button', { name: 'Solo Left hand', exact: true }).click()
  })

  it('a hidden track cannot be selected; its notes still play', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Hide Right hand', exact: true }).click()
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Control+a')
    await expect(page.getByTestId('note-count').textContent()).resolves.toBe('6 notes · 2 selected')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Hide Right hand', exact: true }).click()
  })

  it('Continue listens to the chosen track and writes to a track of its own, or to the chosen one', async () => {
    const { page } = app
    const at = await layout(page)
    await page.mouse.click(at.x(100), at.rulerY) // bar 1: only the right hand plays there
    await page.getByLabel('Variations').fill('1')
    await page.getByLabel('Bars to write').fill('1')
    await page.getByLabel('Seed').fill('7')
    await page.getByLabel('Continue listens to').selectOption({ label: 'Left hand' })
    await page.getByTestId('continue').click()
    await expect(page.getByTestId('continue-error').textContent()).resolves.toMatch(/no piano notes/)
    await page.getByLabel('Continue listens to').selectOption({ label: 'Every track you hear' })
    await page.getByTestId('continue').click()
    await page.getByTestId('candidate-index').waitFor({ timeout: 60_000 })
    await page.getByTestId('accept').click()
    await expect(trackNames(page)).resolves.toEqual(['Right hand', 'Left hand', 'Continuation 1'])
    const first = (await exported()).tracks.find((t) => t.name === 'Continuation 1')!.notes.length
    expect(first).toBeGreaterThan(0)
    await page.keyboard.press('Escape') // lets go of the accepted notes (and the bars)
    await page.mouse.click(at.x(100), at.rulerY)
    await page.getByLabel('Continue writes to').selectOption({ label: 'Left hand' })
    await page.getByTestId('continue').click()
    await page.getByTestId('candidate-index').waitFor({ timeout: 60_000 })
    await page.getByTestId('import-notice-dismiss').click()
    await page.getByTestId('velocity-lane').hover({ position: { x: 20, y: 20 } }) // no tooltip over the picture
    await page.screenshot({ path: screenshotPath('editor-tracks.png') })
    await page.getByTestId('accept').click()
    const song = await exported()
    expect(song.tracks.map((t) => t.name)).toEqual(['Right hand', 'Left hand', 'Continuation 1'])
    expect(song.tracks[1]!.notes.length).toBeGreaterThan(2)
    expect(song.tracks[2]!.notes).toHaveLength(first)
    // One undo step each: the second accept, the choice of track, the first accept.
    await page.getByTestId('piano-roll').focus()
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z')
    await expect(trackNames(page)).resolves.toEqual(['Right hand', 'Left hand'])
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+z')
    await expect(trackNames(page)).resolves.toEqual(['Right hand', 'Left hand', 'Continuation 1'])
  })

  it('saves the tracks as MIDI tracks and opens them again', async () => {
    const { page } = app
    dialogs.saves.push(join(docs, 'saved.mid'))
    await page.keyboard.press('Control+Shift+s')
    await page.getByTestId('message').filter({ hasText: 'Saved saved.mid.' }).waitFor()
    const saved = importMidi(new Uint8Array(readFileSync(join(docs, 'saved.mid')))).song
    expect(saved.tracks.map((t) => [t.name, t.channel])).toEqual([
      ['Right hand', 0],
      ['Left hand', 1],
      ['Continuation 1', 2],
    ])
    await open(createSong(480), 'empty.mid')
    await expect(trackNames(page)).resolves.toEqual([''])
    dialogs.opens.push(join(docs, 'saved.mid'))
    await page.keyboard.press('Control+o')
    await page
      .getByTestId('document-name')
      .filter({ hasText: /^saved\.mid/ })
      .waitFor()
    await expect(trackNames(page)).resolves.toEqual(['Right hand', 'Left hand', 'Continuation 1'])
  })

  it('printed no errors', () => {
    expect(app.errors).toEqual([])
  })
})
