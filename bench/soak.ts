// npm run bench:soak — 500 continuations in a row through the IPC path (validation, dispatch, model host,
// worker) with random valid requests, and 200 more cancelled midway. Prints the worker's tf.memory()
// against its baseline, the process's memory growth (target < 50 MB) and the failures (target none).
// --quick: a tiny model and fewer runs, to check the bench itself. Uses resources/model when present,
// otherwise an untrained model of the shipped size.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ModelHost } from '../src/engine/host.ts'
import { continueRequest } from '#fixtures/primers.ts'
import { modelWorkerEntry } from '../src/workers/entries.ts'
import { createHandlers } from '../src/services/handlers.ts'
import { createDispatch } from '../src/services/dispatch.ts'
import { Rng } from '../src/model/rng.ts'
import { defaultConfig } from '../src/model/config.ts'
import { saveCheckpoint } from '../src/model/checkpoint.ts'
import { disposeWeights, initWeights } from '../src/model/weights.ts'
import { defaultModelDir } from '../src/cli/paths.ts'
import { createTinyCheckpoint } from '#fixtures/tinyCheckpoint.ts'

const quick = process.argv.includes('--quick')
const COMPLETED = quick ? 50 : 500
const CANCELLED = quick ? 20 : 200

async function modelDir(): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'np-soak-'))
  process.once('exit', () => rmSync(scratch, { recursive: true, force: true }))
  if (quick) {
    await createTinyCheckpoint(join(scratch, 'tiny'))
    return join(scratch, 'tiny')
  }
  const shipped = resolve(defaultModelDir())
  if (existsSync(join(shipped, 'config.json'))) return shipped
  const config = defaultConfig()
  const weights = initWeights(config, 1)
  await saveCheckpoint(join(scratch, 'untrained'), config, weights, 'float16')
  disposeWeights(weights)
  return join(scratch, 'untrained')
}

const dir = await modelDir()
const model = new ModelHost(modelWorkerEntry, { modelDir: dir })
const progress = new Map<string, number>()
const cancelAt = new Map<string, number>()
let dispatch: ReturnType<typeof createDispatch>
dispatch = createDispatch(
  createHandlers({
    model,
    notify: (channel, payload) => {
      if (channel !== 'model:progress') return
      const { requestId, done } = payload as { requestId: string; done: number }
      progress.set(requestId, done)
      if (cancelAt.get(requestId) === done) void dispatch('model:cancel', { requestId })
    },
  }),
  () => {},
)
const status = await model.settled()
if (status.state !== 'ready') throw new Error(`model unavailable: ${status.state === 'error' ? status.error : status.state}`)
console.log(`model: ${dir} (${status.model?.hiddenSizes.join('x')}) on ${status.backend.active}`)

const rng = new Rng(2024)
function randomRequest(id: string) {
  const start = rng.int(3)
  return continueRequest({
    requestId: id,
    selection: { start, end: start + 1 + rng.int(4 - start) },
    barsToWrite: 1 + rng.int(quick ? 8 : 4),
    variations: 1 + rng.int(8),
    temperature: 0.5 + rng.next(),
    seed: rng.int(2 ** 32),
    ...(rng.next() < 0.3 ? { maxPolyphony: 1 + rng.int(6) } : {}),
    ...(rng.next() < 0.3 ? { pitchRange: { low: 48, high: 84 } } : {}),
  })
}

const failures: string[] = []
let cancelledOk = 0
let finishedFirst = 0
let completedOk = 0
async function one(id: string, cancel: boolean): Promise<void> {
  const request = randomRequest(id)
  if (cancel) cancelAt.set(id, 2)
  const answer = await dispatch('model:continue', request)
  if (cancel) {
    if (!answer.ok && answer.error === 'the generation was cancelled') cancelledOk++
    else if (answer.ok)
      finishedFirst++ // finished before the cancel arrived: allowed, counted apart
    else failures.push(`${id}: ${answer.error}`)
  } else if (answer.ok) completedOk++
  else failures.push(`${id}: ${answer.error}`)
  progress.delete(id)
  cancelAt.delete(id)
}

// Warm-up: the wasm heap and the JIT settle before the baseline is taken.
for (let i = 0; i < 10; i++) await one(`warm-${i}`, i % 2 === 1)
const baselineTensors = await model.memory()
failures.length = 0
completedOk = cancelledOk = finishedFirst = 0
global.gc?.()
const baselineRss = process.memoryUsage().rss
const started = performance.now()
const order = [...Array(COMPLETED).fill(false), ...Array(CANCELLED).fill(true)] as boolean[]
new Rng(7).shuffle(order)
for (const [i, cancel] of order.entries()) {
  await one(`soak-${i}`, cancel)
  if ((i + 1) % 100 === 0) console.log(`  ${i + 1}/${order.length} requests, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`)
}
const seconds = (performance.now() - started) / 1000
const endTensors = await model.memory()
global.gc?.()
const growth = (process.memoryUsage().rss - baselineRss) / 1e6
await model.dispose()

console.log(`${COMPLETED} continuations and ${CANCELLED} cancelled midway in ${seconds.toFixed(0)} s`)
console.log(
  `completed: ${completedOk}/${COMPLETED}; cancelled midway: ${cancelledOk}/${CANCELLED} (${finishedFirst} finished before the cancel arrived); failures: ${failures.length}`,
)
for (const failure of failures.slice(0, 10)) console.log(`  failure: ${failure}`)
console.log(
  `worker tf.memory(): ${baselineTensors.numTensors} tensors / ${(baselineTensors.numBytes / 1e6).toFixed(1)} MB at baseline, ${endTensors.numTensors} / ${(endTensors.numBytes / 1e6).toFixed(1)} MB at the end`,
)
console.log(`process memory (rss) growth after warm-up: ${growth.toFixed(1)} MB   target < 50 MB`)
process.exitCode = failures.length === 0 && endTensors.numTensors === baselineTensors.numTensors ? 0 : 1
