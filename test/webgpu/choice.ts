// Starts the model worker with a (software) WebGPU adapter active and a small checkpoint with both heads,
// and prints its status and one continuation as JSON: the worker must measure webgpu against wasm and
// run Continue on the faster (SwiftShader being a CPU emulation, wasm). Started by src/model/webgpu.test.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultConfig } from '../../src/model/config.ts'
import { saveCheckpoint } from '../../src/model/checkpoint.ts'
import { disposeWeights, initWeights } from '../../src/model/weights.ts'
import { ModelHost } from '../../src/engine/host.ts'
import { continueRequest } from '#fixtures/primers.ts'
import { modelWorkerEntry } from '../../src/workers/entries.ts'

const scratch = mkdtempSync(join(tmpdir(), 'np-webgpu-choice-'))
try {
  const config = defaultConfig({ hiddenSizes: [64, 64], heads: ['nade', 'independent'], nadeHidden: 16 })
  const weights = initWeights(config, 1)
  await saveCheckpoint(join(scratch, 'model'), config, weights, 'float32')
  disposeWeights(weights)
  const runs = []
  for (let run = 0; run < 2; run++) {
    const host = new ModelHost(modelWorkerEntry, { modelDir: join(scratch, 'model'), cacheDir: join(scratch, 'data') })
    const status = await host.settled()
    const response =
      status.state === 'ready' ? await host.generate(continueRequest({ requestId: `r${run}`, variations: 2, head: 'nade' })) : undefined
    runs.push({ status, notes: response?.candidates.map((c) => c.notes.length) })
    await host.dispose()
  }
  const cache = JSON.parse(readFileSync(join(scratch, 'data', 'generation-latency.json'), 'utf8'))
  console.log(JSON.stringify({ runs, cache }))
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
process.exit(0)
