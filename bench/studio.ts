// npm run bench:studio — the browser mode's costs, measured in one run: the time from spawning
// `neural-piano studio` to its printed address, and a Continue round trip from the page through the real
// server (HTTP + the wire format) against the e2e binding harness (a Playwright binding into the same
// handlers), with the worker's own generation time subtracted so that what is left is the transport.
// Needs `npm run build` and Chromium. --model DIR uses another checkpoint (default: the tiny test one).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { continueRequest } from '#fixtures/primers.ts'
import { startApp } from '../test/helpers/appHarness.ts'
import { launchChromium } from '../test/helpers/browser.ts'
import { startStudioProcess } from '../test/helpers/studioProcess.ts'
import { createTinyCheckpoint } from '#fixtures/tinyCheckpoint.ts'

const STARTS = 5
const ROUND_TRIPS = 30
const scratch = mkdtempSync(join(tmpdir(), 'np-bench-studio-'))
process.once('exit', () => rmSync(scratch, { recursive: true, force: true }))
const modelArg = process.argv.indexOf('--model')
const modelDir = modelArg > 0 ? resolve(process.argv[modelArg + 1] ?? '') : join(scratch, 'tiny')
if (modelArg < 0) await createTinyCheckpoint(modelDir, { hidden: 64 })

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** Continues the same request `ROUND_TRIPS` times from the page; the round trips and the worker's times, in ms. */
async function roundTrips(page: Page): Promise<{ total: number[]; worker: number[] }> {
  await page.getByTestId('model-status').filter({ hasText: 'Model: ready' }).waitFor({ timeout: 120_000 })
  return page.evaluate(
    async ([request, n]) => {
      const total: number[] = []
      const worker: number[] = []
      for (let i = 0; i < n + 3; i++) {
        const started = performance.now()
        const answer = await window.api.continue({ ...request, requestId: `bench-${i}` })
        if (!answer.ok) throw new Error(answer.error)
        if (i < 3) continue // warm-up
        total.push(performance.now() - started)
        worker.push(answer.elapsedMs)
      }
      return { total, worker }
    },
    [continueRequest({ barsToWrite: 4, variations: 1 }), ROUND_TRIPS] as const,
  )
}

const starts: number[] = []
for (let i = 0; i < STARTS; i++) {
  const studio = await startStudioProcess(['--port', '0', '--model', modelDir, '--data-dir', join(scratch, `data-${i}`)])
  starts.push(studio.startMs)
  await studio.stop('SIGINT')
}

const browser = await launchChromium()
const studio = await startStudioProcess(['--port', '0', '--model', modelDir, '--data-dir', join(scratch, 'data')])
const page = await (await browser.newContext()).newPage()
await page.goto(studio.url)
const server = await roundTrips(page)
await page.context().close()
await studio.stop('SIGINT')

const harness = await startApp({ browser, modelDir, dataDir: join(scratch, 'harness-data') })
const binding = await roundTrips(harness.page)
await harness.close()
await browser.close()

const line = (name: string, r: { total: number[]; worker: number[] }): string => {
  const total = median(r.total)
  const worker = median(r.worker)
  return `  ${name.padEnd(16)} round trip ${total.toFixed(1)} ms, worker ${worker.toFixed(1)} ms, transport ${(total - worker).toFixed(1)} ms`
}
console.log(`model ${modelDir}; medians; this machine may be busy`)
console.log(`studio start to printed address: ${median(starts).toFixed(0)} ms (${starts.map((s) => s.toFixed(0)).join(', ')})`)
console.log(`Continue (4 bars, 1 variation), ${ROUND_TRIPS} round trips from the page after 3 warm-ups:`)
console.log(line('studio server', server))
console.log(line('binding harness', binding))
console.log(`  server / binding round trip: ${(median(server.total) / median(binding.total)).toFixed(2)}x`)
