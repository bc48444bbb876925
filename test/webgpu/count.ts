import * as tf from '../../src/model/tf.ts'
import { defaultConfig } from '../../src/model/config.ts'
import { headsOfConfig } from '../../src/model/heads/index.ts'
import { zeroStates } from '../../src/model/network.ts'
import { initWeights } from '../../src/model/weights.ts'
import { lossAndGradients } from '../../src/training/backprop.ts'
import { makeBlock, planLanes } from '../../src/training/data.ts'
import { toyCorpus } from '../../src/training/testing.ts'
import { Rng } from '../../src/model/rng.ts'
await tf.setBackend('cpu')
for (const heads of [['independent'], ['nade', 'independent']] as const) {
  const config = defaultConfig({ hiddenSizes: [16, 16], heads: [...heads] })
  const weights = initWeights(config, 1)
  for (const window of [8, 16]) {
    const seqs = toyCorpus(4, 40)
    const block = makeBlock(seqs, planLanes(seqs, 4), 0, window)
    const rows = block.steps * 4
    const rng = new Rng(1)
    const masks = [tf.tensor2d(rng.dropoutMask(rows * 16, 0.5), [rows, 16]), tf.tensor2d(rng.dropoutMask(rows * 16, 0.5), [rows, 16])]
    const info = await tf.profile(() => {
      const r = lossAndGradients(weights, block, zeroStates(weights, 4), masks, headsOfConfig(config))
      return r.loss
    })
    const counts = new Map<string, number>()
    for (const k of info.kernels) counts.set(k.name, (counts.get(k.name) ?? 0) + 1)
    console.log(heads.join('+'), 'window', window, 'kernels', info.kernels.length, [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, c]) => `${n}:${c}`).join(' '))
  }
}
