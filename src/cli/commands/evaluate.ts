import { parseArgs } from 'node:util'
import type { Command } from '../command.ts'
import { UsageError } from '../command.ts'
import { describeBackend, selectBackend } from '../../model/backend.ts'
import { loadPianoRollJson, resample } from '../../training/data.ts'
import { evaluateSequences } from '../../training/evaluate.ts'
import { loadCheckpoint } from '../../model/checkpoint.ts'
import { disposeWeights } from '../../model/weights.ts'
import type { DatasetScore, HeadName } from '../../model/config.ts'
import { headOf, headsOfConfig } from '../../model/heads/index.ts'

const usage = `neural-piano evaluate --model DIR --data FILE.json [--head NAME] [--json] [--resample]
  --model DIR   a checkpoint folder (config.json + model.json + shards), e.g. resources/model
  --head NAME   score only this output layer: independent or nade (default: every head the model has)
  --data FILE   a piano-roll JSON file (e.g. /work/shared/data/nottingham/valid.json)
  --resample    allow data at another resolution than the model's (figures are then per model frame
                and not comparable with published ones)
  --json        print one JSON object`

/** `neural-piano evaluate`: frame-level NLL and expected frame accuracy as the literature reports them. */
export const evaluateCommand: Command = {
  name: 'evaluate',
  usage,
  async run(args) {
    const { values } = parseArgs({ args, options: { model: { type: 'string' }, data: { type: 'string' }, head: { type: 'string' }, json: { type: 'boolean' }, resample: { type: 'boolean' } } })
    if (!values.model || !values.data) throw new UsageError('--model and --data are required')
    if (values.head !== undefined && values.head !== 'independent' && values.head !== 'nade') throw new UsageError(`--head ${values.head}: the heads are independent and nade`)
    const backend = await selectBackend()
    const set = loadPianoRollJson(values.data)
    const { config, weights } = loadCheckpoint(values.model)
    const modelSpq = config.stepsPerQuarter
    if (set.stepsPerQuarter !== modelSpq && !values.resample) {
      disposeWeights(weights)
      throw new UsageError(
        `${values.data} has ${set.stepsPerQuarter} steps per quarter but the model has ${modelSpq}; pass --resample to evaluate anyway (figures per model frame, not comparable with the literature)`,
      )
    }
    const data = resample(set, modelSpq, true)
    const started = performance.now()
    let heads
    try {
      heads = values.head ? [headOf(config, values.head as HeadName)] : headsOfConfig(config)
    } catch (error) {
      disposeWeights(weights)
      throw error
    }
    const scores = await evaluateSequences(weights, data.sequences, heads)
    disposeWeights(weights)
    const first = heads[0]?.name ?? 'independent'
    const score = scores[first] as DatasetScore
    const result = {
      model: values.model,
      data: values.data,
      dataset: set.name,
      modelStepsPerQuarter: modelSpq,
      dataStepsPerQuarter: set.stepsPerQuarter,
      comparableWithLiterature: set.stepsPerQuarter === modelSpq,
      nll: score.nll,
      accuracy: score.accuracy,
      scoredFrames: score.frames,
      seconds: (performance.now() - started) / 1000,
      head: first,
      heads: scores,
      backend: backend.active,
    }
    if (values.json) {
      console.log(JSON.stringify(result, null, 2))
    } else {
      console.log(`model    ${values.model} (${modelSpq} steps per quarter)`)
      console.log(`data     ${values.data} (${set.name}, ${set.stepsPerQuarter} steps per quarter${result.comparableWithLiterature ? '' : `, resampled to ${modelSpq}: per model frame, NOT comparable with the literature`})`)
      for (const [name, s] of Object.entries(scores)) {
        console.log(`${name} head:`)
        console.log(`  NLL      ${s.nll.toFixed(4)} nats per frame (-log p of each frame over its 88 keys; first frame of each piece unscored)`)
        console.log(`  accuracy ${(s.accuracy * 100).toFixed(2)}% expected frame accuracy (Bay et al.; ${name === 'independent' ? 'closed form over Bernoulli samples' : 'one seeded sample per frame'})`)
      }
      console.log(`frames   ${score.frames} scored, ${result.seconds.toFixed(1)} s on ${describeBackend(backend)}`)
    }
    return 0
  },
}
