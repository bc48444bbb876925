// Training throughput of our hand-written LSTM loop against a plain tf.layers LSTM (model.fit) on the
// same batches, and against the matMul-bound limit measured in this run. Usage:
//   npm run bench:train [-- --hidden 1024 --batch 32 --window 32 --layers-batch 8 --layers-window 16 --blocks 3 --threads 2]
// The training shape is also run data-parallel (--threads workers, one wasm backend each) through the
// same BlockTrainer that `neural-piano train --threads N` uses.
//   npm run bench:train -- --backend webgpu [--shapes 256x64,512x64 --heads nade,independent]
// runs the training loop of `neural-piano train` on the GPU at each shape (lanes x window), then the wasm
// loop at --batch x --window in the same run, and prints frames/s of each and their ratio, plus one JSON
// line (BENCH_TRAIN) for scripts.
import { parseArgs } from 'node:util'
import * as tf from '@tensorflow/tfjs'
import { chooseBackend, describeBackend, parseBackendChoice, selectBackend } from '../src/model/backend.ts'
import { Adam } from '../src/training/adam.ts'
import { BlockTrainer } from '../src/training/blockTrainer.ts'
import { lossAndGradients } from '../src/training/backprop.ts'
import { headsOfConfig } from '../src/model/heads/index.ts'
import { defaultConfig, type HeadName, type ModelConfig } from '../src/model/config.ts'
import { disposeBlock, makeBlock, planLanes, type Sequence } from '../src/training/data.ts'
import { disposeStates, zeroStates } from '../src/model/network.ts'
import { Rng } from '../src/model/rng.ts'
import { disposeWeights, initWeights, namedWeights, weightsFromMap } from '../src/model/weights.ts'

const { values } = parseArgs({
  options: {
    hidden: { type: 'string', default: '1024' },
    batch: { type: 'string', default: '32' },
    window: { type: 'string', default: '32' },
    'layers-batch': { type: 'string', default: '8' },
    'layers-window': { type: 'string', default: '16' },
    blocks: { type: 'string', default: '3' },
    threads: { type: 'string', default: '2' },
    backend: { type: 'string' },
    shapes: { type: 'string', default: '128x64,256x64,512x64' },
    heads: { type: 'string', default: 'nade,independent' },
  },
})
const hidden = Number(values.hidden)
const blocks = Number(values.blocks)
const config = defaultConfig({ hiddenSizes: [hidden, hidden] })
if (values.backend === 'webgpu') {
  await gpuBench()
  process.exit(0)
}
const backend = await selectBackend(values.backend === undefined ? undefined : parseBackendChoice(values.backend))
console.log(`backend: ${describeBackend(backend)}; network 2x${hidden}, dropout ${config.dropout}`)

/** Random piano-roll pieces with ~4 of 88 keys sounding, like the datasets. */
function corpus(pieces: number, length: number): Sequence[] {
  const rng = new Rng(5)
  return Array.from({ length: pieces }, () =>
    Array.from({ length }, () =>
      Array.from({ length: 4 }, () => 30 + rng.int(40))
        .sort((a, b) => a - b)
        .filter((k, i, a) => a.indexOf(k) === i),
    ),
  )
}

/** FLOPs of one training frame (forward + backward = 3x forward) counting matMuls only. */
function flopsPerFrame(c: ModelConfig): number {
  let inputs = c.inputKeys
  let forward = 0
  for (const h of c.hiddenSizes) {
    forward += 2 * (inputs + h) * 4 * h
    inputs = h
  }
  forward += 2 * inputs * c.inputKeys
  return 3 * forward
}

/** Our loop (forward, backward, Adam, dropout masks, data) over `count` blocks after one warm-up. */
async function ourLoop(batch: number, window: number, count: number): Promise<number> {
  let weights = initWeights(config, 1)
  const adam = new Adam({ clipNorm: 5 })
  const sequences = corpus(batch, window * (count + 1) + 1)
  const plan = planLanes(sequences, batch)
  let states = zeroStates(weights, batch)
  let frames = 0
  let started = 0
  for (let b = 0; b <= count; b++) {
    if (b === 1) started = performance.now()
    const block = makeBlock(sequences, plan, b, window)
    const rng = new Rng(b)
    const rows = block.steps * batch
    const masks = weights.layers.map(() => tf.tensor2d(rng.dropoutMask(rows * hidden, config.dropout), [rows, hidden]))
    const result = lossAndGradients(weights, block, states, masks, headsOfConfig(config))
    result.loss.dataSync()
    weights = weightsFromMap(config, (await adam.apply(namedWeights(weights), result.grads, 1e-3)).params)
    disposeStates(states)
    states = result.states
    tf.dispose([result.loss, ...Object.values(result.headLosses), ...masks])
    if (b > 0) frames += block.scoredCount
    disposeBlock(block)
  }
  const fps = (frames / (performance.now() - started)) * 1000
  disposeStates(states)
  disposeWeights(weights)
  adam.dispose()
  return fps
}

/** The training loop of `neural-piano train` (BlockTrainer: Adam, masks, data) on `threads` threads sharing each block. */
async function trainerLoop(threads: number, batch: number, window: number, count: number, net: ModelConfig = config): Promise<number> {
  const adam = new Adam({ clipNorm: 5 })
  const sequences = corpus(batch, window * (count + 1) + 1)
  const trainer = await BlockTrainer.start({
    spec: { config: net, sequences, batch, window, seed: 1, segment: 0, segmentFromEpoch: 0 },
    threads,
    valid: [],
    weights: initWeights(net, 1),
    adam,
  })
  let frames = 0
  let started = 0
  for (let b = 0; b <= count; b++) {
    if (b === 1) started = performance.now()
    const { scored } = await trainer.update(0, b, 1e-3)
    if (b > 0) frames += scored
  }
  const fps = (frames / (performance.now() - started)) * 1000
  await trainer.close()
  disposeWeights(trainer.weights)
  adam.dispose()
  return fps
}

/**
 * The GPU part: our training loop (the real one, with the heads asked for) at each shape on webgpu, then
 * the wasm loop at the training shape of this machine's CPU for the ratio.
 */
async function gpuBench(): Promise<void> {
  const gpu = await chooseBackend('webgpu')
  if (gpu.active !== 'webgpu') throw new Error(`no WebGPU: ${describeBackend(gpu)}`)
  const heads = (values.heads ?? 'independent').split(',') as HeadName[]
  const net = defaultConfig({ hiddenSizes: [hidden, hidden], heads, nadeHidden: 150 })
  console.log(`backend: ${describeBackend(gpu)}; network 2x${hidden}, dropout ${net.dropout}, heads ${heads.join(', ')}`)
  const shapes = (values.shapes ?? '').split(',').map((s) => s.split('x').map(Number) as [number, number])
  const gpuRates: Record<string, number> = {}
  for (const [lanes, window] of shapes) {
    gpuRates[`${lanes}x${window}`] = await trainerLoop(1, lanes, window, blocks, net)
    console.log(`webgpu ${lanes}x${window}: ${gpuRates[`${lanes}x${window}`]?.toFixed(0)} frames/s (${blocks} updates after one warm-up)`)
  }
  await chooseBackend('wasm')
  const batch = Number(values.batch)
  const window = Number(values.window)
  const wasm = await trainerLoop(1, batch, window, 2, net)
  const best = Math.max(...Object.values(gpuRates))
  console.log(
    `wasm ${batch}x${window} (one core): ${wasm.toFixed(0)} frames/s; best webgpu / wasm = ${(best / wasm).toFixed(1)}x   target >= 50000 frames/s on an H100-class GPU`,
  )
  console.log(
    `BENCH_TRAIN ${JSON.stringify({ device: gpu.device, heads, webgpu: gpuRates, wasm: { shape: `${batch}x${window}`, framesPerSecond: wasm } })}`,
  )
}

/** The stock tf.layers model of the same architecture, trained with model.fit on the same batches. */
async function layersLoop(batch: number, window: number, count: number): Promise<number> {
  const model = tf.sequential({
    layers: [
      tf.layers.lstm({ units: hidden, returnSequences: true, inputShape: [window, 88], recurrentInitializer: 'glorotUniform' }),
      tf.layers.dropout({ rate: config.dropout }),
      tf.layers.lstm({ units: hidden, returnSequences: true, recurrentInitializer: 'glorotUniform' }),
      tf.layers.dropout({ rate: config.dropout }),
      tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 88, activation: 'sigmoid' }) }),
    ],
  })
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy' })
  const sequences = corpus(batch, window * (count + 1) + 1)
  const toTensor = (offset: number, from: number, n: number): tf.Tensor3D => {
    const data = new Float32Array(n * batch * window * 88)
    for (let i = 0; i < n; i++)
      for (let b = 0; b < batch; b++)
        for (let t = 0; t < window; t++) {
          const frame = (sequences[b] as Sequence)[(from + i) * window + t + offset] ?? []
          for (const k of frame) data[((i * batch + b) * window + t) * 88 + k] = 1
        }
    return tf.tensor3d(data, [n * batch, window, 88])
  }
  const warm = [toTensor(0, 0, 1), toTensor(1, 0, 1)] as const
  await model.fit(warm[0], warm[1], { batchSize: batch, epochs: 1, verbose: 0, shuffle: false })
  const x = toTensor(0, 1, count)
  const y = toTensor(1, 1, count)
  const started = performance.now()
  await model.fit(x, y, { batchSize: batch, epochs: 1, verbose: 0, shuffle: false })
  const fps = ((count * batch * window) / (performance.now() - started)) * 1000
  tf.dispose([...warm, x, y])
  model.dispose()
  return fps
}

/** GFLOP/s of the per-step matMul shape and of a large one, the ceiling any LSTM loop here can reach. */
function matMulRate(batch: number): { step: number; large: number } {
  const rate = (m: number, k: number, n: number, reps: number): number => {
    const a = tf.randomNormal([m, k])
    const b = tf.randomNormal([k, n])
    tf.matMul(a, b).dispose()
    const started = performance.now()
    for (let i = 0; i < reps; i++) {
      const c = tf.matMul(a, b)
      c.dataSync()
      c.dispose()
    }
    const seconds = (performance.now() - started) / 1000
    tf.dispose([a, b])
    return (2 * m * k * n * reps) / seconds / 1e9
  }
  return { step: rate(batch, hidden, 4 * hidden, 20), large: rate(1024, hidden, 4 * hidden, 3) }
}

const flops = flopsPerFrame(config)
const rates = matMulRate(Number(values.batch))
const limit = (rates.large * 1e9) / flops
console.log(
  `matMul: ${rates.step.toFixed(1)} GFLOP/s at [${values.batch},${hidden}]x[${hidden},${4 * hidden}], ${rates.large.toFixed(1)} GFLOP/s at [1024,${hidden}]x[${hidden},${4 * hidden}]`,
)
console.log(`one training frame = ${(flops / 1e6).toFixed(1)} MFLOP of matMul -> matMul-bound limit ${limit.toFixed(0)} frames/s`)
const lb = Number(values['layers-batch'])
const lw = Number(values['layers-window'])
const oursSmall = await ourLoop(lb, lw, blocks)
const layers = await layersLoop(lb, lw, blocks)
const oursBig = await trainerLoop(1, Number(values.batch), Number(values.window), blocks)
const threads = Number(values.threads)
const oursThreads = threads > 1 ? await trainerLoop(threads, Number(values.batch), Number(values.window), blocks) : null
console.log(
  `same batches ${lb}x${lw}: ours ${oursSmall.toFixed(1)} frames/s, tf.layers model.fit ${layers.toFixed(1)} frames/s, ratio ${(oursSmall / layers).toFixed(2)}x`,
)
console.log(
  `ours at the training shape ${values.batch}x${values.window}: ${oursBig.toFixed(1)} frames/s = ${((100 * oursBig) / limit).toFixed(0)}% of the matMul-bound limit, ${(oursBig / layers).toFixed(2)}x tf.layers`,
)
if (oursThreads !== null)
  console.log(
    `ours on ${threads} threads sharing each ${values.batch}x${values.window} block: ${oursThreads.toFixed(1)} frames/s = ${(oursThreads / oursBig).toFixed(2)}x one thread, ${((100 * oursThreads) / (threads * limit)).toFixed(0)}% of ${threads}x the one-core limit`,
  )
console.log(
  `(tf.layers is not run at ${values.batch}x${values.window}: what it keeps for backpropagation exceeds the 4 GB wasm heap there)`,
)
