import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../helpers/browser.ts'
import { startApp, type AppUnderTest } from '../helpers/appHarness.ts'
import { ScriptedDialogs } from '#fixtures/dialogs.ts'
import { songWith } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { exportMidi } from '../../src/shared/midi/index.ts'
import { rms } from '../helpers/wav.ts'

/**
 * The metronome, rendered offline in Chromium (the app's Metronome class and Tone.js, bundled into a
 * blank page) and listened to: each click is found by its onset, its pitch tells a downbeat (1.6 kHz)
 * from a beat (1.1 kHz), and the times are checked against the meter and tempo.
 */
const SAMPLE_RATE = 16_000

/** What the page renders (test/e2e/pages/metronomeRender.ts has the same shape). */
interface RenderRequest {
  song: {
    ppq: number
    tempos: { ticks: number; microsecondsPerQuarter: number }[]
    timeSignatures: { ticks: number; numerator: number; denominator: number }[]
  }
  from: number | null
  to: number | null
  enabled: boolean
  countIn?: { tick: number; at: number }
  lead: number
  seconds: number
  sampleRate: number
}

/** A click heard in the rendering: when it starts and whether it is the high (downbeat) one. */
interface Heard {
  time: number
  accent: boolean
}

/** The energy of `samples` at `hertz` (one DFT bin, any frequency). */
function energyAt(samples: number[], hertz: number): number {
  let re = 0
  let im = 0
  samples.forEach((x, n) => {
    re += x * Math.cos((2 * Math.PI * hertz * n) / SAMPLE_RATE)
    im -= x * Math.sin((2 * Math.PI * hertz * n) / SAMPLE_RATE)
  })
  return re * re + im * im
}

/** Finds the clicks: onsets after 50 ms of silence; a downbeat when its first 20 ms hold more 1.6 kHz than 1.1 kHz. */
function listen(samples: number[]): Heard[] {
  const heard: Heard[] = []
  let lastSound = -Infinity
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i]!) < 0.01) continue
    if (i - lastSound > 0.05 * SAMPLE_RATE) {
      const start = samples.slice(i, i + Math.round(0.02 * SAMPLE_RATE))
      heard.push({ time: i / SAMPLE_RATE, accent: energyAt(start, 1600) > energyAt(start, 1100) })
    }
    lastSound = i
  }
  return heard
}

const pattern = (heard: Heard[]) => heard.map((h) => (h.accent ? 'A' : 'b')).join('')

// Two bars of 4/4 at 120 bpm (clicks every 0.5 s from 0), then 3/4 from tick 3840 (4 s): one bar at
// 120 bpm (4, 4.5, 5 s) and one at 60 bpm from tick 5280 (5.5, 6.5, 7.5 s). The renderings start the
// song 0.1 s in (as playback starts a moment ahead), so the first click is scheduled ahead of time too.
const LEAD = 0.1
const song = {
  ppq: 480,
  timeSignatures: [
    { ticks: 0, numerator: 4, denominator: 4 },
    { ticks: 3840, numerator: 3, denominator: 4 },
  ],
  tempos: [
    { ticks: 0, microsecondsPerQuarter: 500_000 },
    { ticks: 5280, microsecondsPerQuarter: 1_000_000 },
  ],
}

describe('the metronome, rendered offline and its clicks counted (Chromium)', () => {
  let browser: Browser
  let page: Page
  const render = (request: Omit<RenderRequest, 'sampleRate' | 'lead'>) =>
    page.evaluate((r) => (window as unknown as { __renderMetronome(r: RenderRequest): Promise<number[]> }).__renderMetronome(r), {
      ...request,
      lead: LEAD,
      sampleRate: SAMPLE_RATE,
    })

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [resolve('test/e2e/pages/metronomeRender.ts')],
      bundle: true,
      format: 'iife',
      alias: { $shared: resolve('src/shared') },
      write: false,
      target: 'chrome120',
    })
    browser = await launchChromium()
    page = await browser.newPage()
    await page.setContent('<!doctype html><title>metronome</title>')
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('clicks every beat with accented downbeats, following the meter change and the tempo change', async () => {
    const heard = listen(await render({ song, from: 0, to: 6720, enabled: true, seconds: LEAD + 8 }))
    expect(pattern(heard)).toBe('AbbbAbbb' + 'Abb' + 'Abb')
    const expected = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6.5, 7.5]
    expect(heard.map((h) => h.time)).toEqual(expected.map((t) => expect.closeTo(LEAD + t, 2)))
  })

  it('with no end (recording), goes on past its first scheduled bars', async () => {
    const fast = {
      ppq: 480,
      timeSignatures: [{ ticks: 0, numerator: 4, denominator: 4 }],
      tempos: [{ ticks: 0, microsecondsPerQuarter: 250_000 }],
    }
    const heard = listen(await render({ song: fast, from: 0, to: null, enabled: true, seconds: LEAD + 10.1 }))
    // 240 bpm: four clicks a second for 10 s; the first 8 bars are scheduled at once, the rest as it plays.
    expect(heard).toHaveLength(41)
    expect(pattern(heard)).toBe('Abbb'.repeat(10) + 'A')
  })

  it('turned off, stays silent; the count-in clicks a bar of the meter where recording starts, on or off', async () => {
    expect(listen(await render({ song, from: 0, to: 6720, enabled: false, seconds: 4 }))).toEqual([])
    // The count-in starts where it is told (here 0.1 s), not with the song.
    const heard = listen(await render({ song, from: null, to: null, enabled: false, countIn: { tick: 5280, at: 0.1 }, seconds: 4 }))
    expect(pattern(heard)).toBe('Abb') // 3/4
    expect(heard.map((h) => h.time)).toEqual([0.1, 1.1, 2.1].map((t) => expect.closeTo(t, 2))) // at 60 bpm
  })
})

describe('the metronome stays out of exports (Chromium, real main handlers)', () => {
  let app: AppUnderTest
  const dialogs = new ScriptedDialogs()
  const docs = tempFolder('np-metronome-')

  beforeAll(async () => {
    app = await startApp({ dialogs, modelDir: join(tempFolder('np-nomodel-'), 'none') })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('with the metronome on, Export WAV holds the notes and no clicks', async () => {
    const { page } = app
    // Two short notes two bars apart at 120 bpm (0 s and 4 s): the beats between them would click at 2, 2.5, 3 and 3.5 s.
    const song = songWith([
      { pitch: 60, ticks: 0, durationTicks: 240, velocity: 100 },
      { pitch: 67, ticks: 3840, durationTicks: 240, velocity: 100 },
    ])
    await page.evaluate(
      (bytes) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([new Uint8Array(bytes)], 'two.mid', { type: 'audio/midi' }))
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
      },
      [...exportMidi(song)],
    )
    await page.getByTestId('document-name').filter({ hasText: 'two.mid' }).waitFor()
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('k')
    await page.getByRole('switch', { name: 'Metronome', checked: true }).waitFor()
    dialogs.saves.push(join(docs, 'two.wav'))
    await page.getByText('Export ▾').click()
    await page.getByRole('menuitem', { name: 'Audio (WAV)…' }).click()
    await page.getByTestId('message').filter({ hasText: 'Exported two.wav.' }).waitFor({ timeout: 60_000 })
    const wav = readFileSync(join(docs, 'two.wav'))
    expect(rms(wav, 0.02, 0.2)).toBeGreaterThan(0.005) // the first note
    expect(rms(wav, 4.02, 4.2)).toBeGreaterThan(0.005) // the second
    for (const beat of [2, 2.5, 3, 3.5]) expect(rms(wav, beat, beat + 0.05)).toBeLessThan(0.0005)
  })

  it('printed no errors', () => {
    expect(app.errors).toEqual([])
  })
})
