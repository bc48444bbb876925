// npm run bench:generate — continuation latency through the app's path (ModelHost -> worker thread),
// for a 4-bar primer and 4 bars written, with 1 and with 4 variations; ms per step against the
// matMul-bound limit measured in the same run; and the main event loop's worst delay meanwhile.
// Uses resources/model (or NEURAL_PIANO_MODEL); without one, an untrained 2x1024 model of the same size.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import * as tf from '../src/model/tf.ts'
import { ModelHost } from '../src/engine/host.ts'
import { modelWorkerEntry } from '../src/workers/entries.ts'
import { continueRequest } from '#fixtures/primers.ts'
import { selectBackend } from '../src/model/backend.ts'
import { describeBackend } from '../src/model/describeBackend.ts'
import { defaultConfig } from '../src/model/config.ts'
import { saveCheckpoint } from '../src/model/checkpoint.ts'
import { disposeWeights, initWeights } from '../src/model/weights.ts'
import { defaultModelDir } from '../src/cli/paths.ts'

const REPEATS = 7

async function modelDir(): Promise<{ dir: string; label: string }> {
  const shipped = resolve(defaultModelDir())
  if (existsSync(join(shipped, 'config.json'))) return { dir: shipped, label: shipped }
  const scratch = mkdtempSync(join(tmpdir(), 'np-bench-'))
  process.once('exit', () => rmSync(scratch, { recursive: true, force: true }))
  const dir = join(scratch, 'untrained-2x1024')
  const config = defaultConfig()
  const weights = initWeights(config, 1)
  await saveCheckpoint(dir, config, weights, 'float16')
  disposeWeights(weights)
  return { dir, label: `${dir} (no shipped checkpoint: an untrained model of the same size)` }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** The matMuls one generation step cannot avoid (recurrent + input projection per layer, output layer), timed alone. */
async function matMulFloor(hidden: number[], batch: number): Promise<number> {
  const shapes: [number, number][] = []
  let inputs = 88
  for (const h of hidden) {
    shapes.push([inputs + h, 4 * h])
    inputs = h
  }
  shapes.push([inputs, 88])
  const weights = shapes.map(([rows, cols]) => tf.randomNormal([rows, cols]) as tf.Tensor2D)
  const xs = shapes.map(([rows]) => tf.randomNormal([batch, rows]) as tf.Tensor2D)
  const run = async (): Promise<void> => {
    const outs = weights.map((w, i) => tf.matMul(xs[i]!, w))
    for (const out of outs) await out.data()
    tf.dispose(outs)
  }
  for (let i = 0; i < 5; i++) await run()
  const times: number[] = []
  for (let i = 0; i < 30; i++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
  }
  tf.dispose([...weights, ...xs])
  return median(times)
}

const backend = await selectBackend()
const { dir, label } = await modelDir()
const host = new ModelHost(modelWorkerEntry, { modelDir: dir })
const status = await host.settled()
if (status.state !== 'ready') throw new Error(`model unavailable: ${status.state === 'error' ? status.error : status.state}`)
const hidden = status.model?.hiddenSizes ?? [1024, 1024]
console.log(`model: ${label} (${hidden.join('x')}, ${status.model?.stepsPerQuarter} steps per quarter)`)
console.log(`backend (worker): ${describeBackend(status.backend)}; bench thread: ${backend.active}`)

const heads = status.model?.heads ?? ['independent']
const results: Record<string, Record<number, { latency: number; steps: number; worstDelays: number[] }>> = {}
for (const head of heads) {
  results[head] = {}
  for (const variations of [1, 4]) {
    const latencies: number[] = []
    const worstDelays: number[] = []
    let steps = 0
    for (let i = 0; i < REPEATS + 1; i++) {
      const request = continueRequest({ requestId: `${head}-v${variations}-${i}`, barsToWrite: 4, variations, seed: i, head })
      // Each run's worst main-loop delay is kept, so that one bad run cannot hide in a pooled figure.
      const delay = monitorEventLoopDelay({ resolution: 1 })
      delay.enable()
      const start = performance.now()
      await host.generate(request, (_done, total) => (steps = total))
      const elapsed = performance.now() - start
      delay.disable()
      if (i > 0) {
        latencies.push(elapsed) // the first run warms up the kernels
        worstDelays.push(delay.max / 1e6)
      }
    }
    ;(results[head] as Record<number, { latency: number; steps: number; worstDelays: number[] }>)[variations] = {
      latency: median(latencies),
      steps,
      worstDelays,
    }
  }
}
await host.dispose()

// The same measure with nothing running, so that a loaded machine's scheduling noise can be told apart.
const idle = monitorEventLoopDelay({ resolution: 1 })
idle.enable()
await new Promise((done) => setTimeout(done, 1000))
idle.disable()

const floor1 = await matMulFloor(hidden, 1)
const floor4 = await matMulFloor(hidden, 4)
console.log(`primer: 4 bars of 4/4; written: 4 bars; median of ${REPEATS} runs after a warm-up`)
console.log(
  `matMul-bound floor per step (this run, ${backend.active}): ${floor1.toFixed(2)} ms at batch 1, ${floor4.toFixed(2)} ms at batch 4`,
)
for (const head of heads) {
  const one = results[head]![1]!
  const four = results[head]![4]!
  console.log(`${head} head:`)
  console.log(
    `  latency, 1 variation:  ${one.latency.toFixed(0)} ms (${(one.latency / one.steps).toFixed(2)} ms per step incl. priming and IPC; floor would take ${(floor1 * one.steps).toFixed(0)} ms)`,
  )
  console.log(
    `  latency, 4 variations: ${four.latency.toFixed(0)} ms (${(four.latency / four.steps).toFixed(2)} ms per step; floor ${(floor4 * four.steps).toFixed(0)} ms)   target < 500 ms`,
  )
  console.log(`  ratio 4 / 1 variations: ${(four.latency / one.latency).toFixed(2)}   target <= 1.5`)
  const worst = [...one.worstDelays, ...four.worstDelays]
  console.log(
    `  main event loop, worst delay of each run: ${worst.map((d) => d.toFixed(1)).join(', ')} ms (max ${Math.max(...worst).toFixed(1)})   target < 20 ms in every run`,
  )
}
console.log(
  `main event loop idle for 1 s (machine noise): worst delay ${(idle.max / 1e6).toFixed(1)} ms, p99 ${(idle.percentile(99) / 1e6).toFixed(1)} ms`,
)
console.log(`BENCH_GENERATE ${JSON.stringify({ backend: status.backend, results })}`)
