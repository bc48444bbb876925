import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { startApp, type AppUnderTest } from '../helpers/appHarness.ts'
import { ScriptedDialogs } from '#fixtures/dialogs.ts'
import { scaleSong } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { exportMidi } from '../../src/shared/midi/index.ts'
import { rms } from '../helpers/wav.ts'

const noModel = join(tempFolder('np-nomodel-'), 'none')

/** Opens a song in the editor by dropping its MIDI bytes on the window. */
async function drop(page: Page, bytes: Uint8Array, name: string): Promise<void> {
  await page.evaluate(
    ([data, fileName]) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(data)], fileName, { type: 'audio/midi' }))
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    },
    [[...bytes], name] as const,
  )
  await page.getByTestId('document-name').filter({ hasText: name }).waitFor()
}

describe('playback and audio export with the bundled piano (Chromium, real main handlers)', () => {
  let app: AppUnderTest
  const dialogs = new ScriptedDialogs()
  const docs = tempFolder('np-editor-audio-')

  beforeAll(async () => {
    app = await startApp({ dialogs, modelDir: noModel })
    // The scale: 8 notes a quarter apart at 100 bpm in 3/4, velocities rising from 40 to 110.
    await drop(app.page, exportMidi(scaleSong('Scale')), 'scale.mid')
  })
  afterAll(async () => {
    await app?.close()
  })

  it('renders the song offline to a WAV file: the right length, audible, and louder where the velocity is higher', async () => {
    const { page } = app
    dialogs.saves.push(join(docs, 'scale.wav'))
    await page.getByText('Export ▾').click()
    await page.getByRole('menuitem', { name: 'Audio (WAV)…' }).click()
    await page.getByTestId('message').filter({ hasText: 'Exported scale.wav.' }).waitFor({ timeout: 60_000 })
    const wav = readFileSync(join(docs, 'scale.wav'))
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF')
    const sampleRate = wav.readUInt32LE(24)
    const seconds = (wav.length - 44) / 4 / sampleRate
    // 8 quarters at 0.6 s (the last one 0.5 s long) plus 1.5 s of ring-out.
    expect(seconds).toBeGreaterThan(4.2 + 0.5 + 1.4)
    expect(seconds).toBeLessThan(4.2 + 0.5 + 1.6)
    const soft = rms(wav, 0.02, 0.3)
    const loud = rms(wav, 4.22, 4.5)
    expect(soft).toBeGreaterThan(0.005)
    expect(loud).toBeGreaterThan(soft * 1.8)
  })

  it('a long song renders in parts that join without a gap', async () => {
    const { page } = app
    const long = scaleSong('Long')
    const track = long.tracks[0]!
    track.notes = [0, 1, 2].flatMap((round) => track.notes.map((n) => ({ ...n, ticks: n.ticks + round * 8 * 480 })))
    await drop(page, exportMidi(long), 'long.mid')
    dialogs.saves.push(join(docs, 'long.wav'))
    await page.getByText('Export ▾').click()
    await page.getByRole('menuitem', { name: 'Audio (WAV)…' }).click()
    await page.getByTestId('message').filter({ hasText: 'Exported long.wav.' }).waitFor({ timeout: 60_000 })
    const wav = readFileSync(join(docs, 'long.wav'))
    const sampleRate = wav.readUInt32LE(24)
    expect((wav.length - 44) / 4 / sampleRate).toBeCloseTo(23 * 0.6 + 0.5 + 1.5, 1)
    // Parts are 8 s long: the note struck at 7.8 s rings on across the join.
    for (const at of [7.9, 7.99, 8.01, 8.2]) expect(rms(wav, at, at + 0.05)).toBeGreaterThan(0.003)
    await drop(page, exportMidi(scaleSong('Scale')), 'scale.mid')
  })

  it('plays, loops the selected bar, and stops', async () => {
    const { page } = app
    const box = (await page.getByTestId('piano-roll').boundingBox())!
    await page.mouse.click(box.x + 64 + 20, box.y + 10) // bar 1 on the ruler: ticks 0..1440 in 3/4
    await page.keyboard.press('l')
    await page.keyboard.press(' ')
    const seen: number[] = []
    for (let i = 0; i < 40; i++) {
      await page.waitForTimeout(100)
      const at = await page.getByTestId('piano-roll').getAttribute('data-playhead')
      if (at) seen.push(Number(at))
    }
    expect(seen.length).toBeGreaterThan(20)
    expect(Math.max(...seen)).toBeLessThan(1440)
    expect(seen.some((t, i) => i > 0 && t < seen[i - 1]!)).toBe(true) // it went round
    await page.keyboard.press(' ')
    await page.getByRole('button', { name: '▶ Play' }).waitFor()
    await expect(page.getByTestId('piano-roll').getAttribute('data-playhead')).resolves.toBeNull()
  })

  it('printed no errors', () => {
    expect(app.errors).toEqual([])
  })
})
