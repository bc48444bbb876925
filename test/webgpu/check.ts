// Runs the model's training and inference code on the webgpu backend and on cpu with the same inputs and
// prints the largest differences as JSON. Started by src/model/webgpu.test.ts in a child process (the
// Vulkan driver is chosen by environment variables read at process start).
import * as tf from '../../src/model/tf.ts'
import { chooseBackend } from '../../src/model/backend.ts'
import { defaultConfig } from '../../src/model/config.ts'
import { headsOfConfig } from '../../src/model/heads/index.ts'
import { forwardBlock, zeroStates } from '../../src/model/network.ts'
import { Rng } from '../../src/model/rng.ts'
import { initWeights, namedWeights, weightsFromMap } from '../../src/model/weights.ts'
import { lossAndGradients } from '../../src/training/backprop.ts'
import { makeBlock, planLanes } from '../../src/training/data.ts'
import { evaluateSequences } from '../../src/training/evaluate.ts'
import { toyCorpus } from '#fixtures/toyCorpus.ts'

const config = defaultConfig({ hiddenSizes: [24, 16], dropout: 0.3, heads: ['nade', 'independent'], nadeHidden: 12 })
const sequences = toyCorpus(6, 20)

async function run(backend: 'webgpu' | 'cpu'): Promise<{ values: Map<string, Float32Array>; report?: unknown }> {
  const report = backend === 'webgpu' ? await chooseBackend('webgpu') : (await tf.setBackend('cpu'), undefined)
  if (tf.getBackend() !== backend) throw new Error(`backend ${tf.getBackend()} instead of ${backend}`)
  const weights = initWeights(config, 3)
  const plan = planLanes(sequences, 4)
  const block = makeBlock(sequences, plan, 0, 12)
  const rows = block.steps * block.batch
  const rng = new Rng(1)
  const masks = config.hiddenSizes.map((h) => tf.tensor2d(rng.dropoutMask(rows * h, 0.3), [rows, h]))
  const states = zeroStates(weights, 4)
  const result = lossAndGradients(weights, block, states, masks, headsOfConfig(config))
  const values = new Map<string, Float32Array>()
  values.set('loss', (await result.loss.data()) as Float32Array)
  for (const [name, g] of result.grads) values.set(`grad ${name}`, (await g.data()) as Float32Array)
  const out = forwardBlock(weights, block.inputs, states, block.keep)
  values.set('trunk output', (await out.top.data()) as Float32Array)
  const scores = await evaluateSequences(weights, sequences, headsOfConfig(config), { batch: 3, window: 7 })
  values.set('nll', new Float32Array([scores.nade?.nll ?? NaN, scores.independent?.nll ?? NaN]))
  // One weight update's worth of the tensors the optimizer touches, to see they stay on this backend.
  weightsFromMap(config, namedWeights(weights))
  return { values, report }
}

const gpu = await run('webgpu')
const cpu = await run('cpu')
const gaps: Record<string, number> = {}
for (const [name, a] of gpu.values) {
  const b = cpu.values.get(name) as Float32Array
  let scale = 1e-6
  let gap = 0
  b.forEach((x, i) => {
    scale = Math.max(scale, Math.abs(x))
    gap = Math.max(gap, Math.abs(x - (a[i] as number)))
  })
  gaps[name] = gap / scale
}
console.log(
  JSON.stringify({
    report: gpu.report,
    gaps,
    loss: [gpu.values.get('loss')?.[0], cpu.values.get('loss')?.[0]],
    nll: [...(gpu.values.get('nll') ?? []), ...(cpu.values.get('nll') ?? [])],
  }),
)
process.exit(0)
