import type { Command } from '../command.ts'
import { UsageError } from '../command.ts'
import { describeBackend, selectBackend } from '../../model/backend.ts'
import { resample } from '../../training/data.ts'
import { evaluateSequences } from '../../training/evaluate.ts'
import { loadCheckpoint, loadCheckpointConfig } from '../../model/checkpoint.ts'
import { disposeWeights } from '../../model/weights.ts'
import type { DatasetScore, HeadName } from '../../model/config.ts'
import { headOf, headsOfConfig } from '../../model/heads/index.ts'
import { parseOptions } from '../args.ts'
import { readPianoRolls } from '../data.ts'
import { checkCheckpoint } from '../paths.ts'
import { Progress } from '../progress.ts'

const usage = `neural-piano evaluate --model DIR --data FILE.json [--head NAME] [--json] [--resample]
  --model DIR   a checkpoint folder (config.json + model.json + shards), e.g. resources/model
  --head NAME   score only this output layer: independent or nade (default: every head the model has)
  --data FILE   a piano-roll JSON file (e.g. /work/shared/data/nottingham/valid.json)
  --resample    allow data at another resolution than the model's (figures are then per model frame
                and not comparable with published ones)
  --json        print one JSON object
Progress goes to stderr: a bar with ETA on a terminal, a plain line every 10 s otherwise.`

/** `neural-piano evaluate`: frame-level NLL and expected frame accuracy as the literature reports them. */
export const evaluateCommand: Command = {
  name: 'evaluate',
  usage,
  async run(args) {
    const { values } = parseOptions({
      args,
      options: {
        model: { type: 'string' },
        data: { type: 'string' },
        head: { type: 'string' },
        json: { type: 'boolean' },
        resample: { type: 'boolean' },
      },
    })
    if (!values.model) throw new UsageError('give the checkpoint folder with --model DIR, e.g. --model resources/model')
    if (!values.data) throw new UsageError('give the data with --data FILE.json, e.g. --data data/nottingham/valid.json')
    if (values.head !== undefined && values.head !== 'independent' && values.head !== 'nade')
      throw new UsageError(`--head ${values.head}: the heads are independent and nade`)
    checkCheckpoint(values.model, `--model ${values.model}`)
    const set = readPianoRolls(values.data, `--data ${values.data}`)
    const config = loadCheckpointConfig(values.model)
    const modelSpq = config.stepsPerQuarter
    const heads = values.head ? [headOf(config, values.head as HeadName)] : headsOfConfig(config)
    if (set.stepsPerQuarter !== modelSpq && !values.resample) {
      throw new UsageError(
        `--data ${values.data}: ${set.stepsPerQuarter} step${set.stepsPerQuarter === 1 ? '' : 's'} per quarter, but the model has ${modelSpq}; pass --resample to evaluate anyway (figures per model frame, not comparable with the literature)`,
      )
    }
    const backend = await selectBackend()
    const { weights } = loadCheckpoint(values.model)
    const data = resample(set, modelSpq, true)
    const started = performance.now()
    let progress: Progress | undefined
    const scores = await (async () => {
      try {
        return await evaluateSequences(weights, data.sequences, heads, {
          onProgress: (_, done, total) => {
            progress ??= new Progress({ label: `evaluating ${set.name}`, total, unit: 'blocks', startedAt: started })
            progress.update(done)
          },
        })
      } finally {
        progress?.finish()
        disposeWeights(weights)
      }
    })()
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
      console.log(
        `data     ${values.data} (${set.name}, ${set.stepsPerQuarter} step${set.stepsPerQuarter === 1 ? '' : 's'} per quarter${result.comparableWithLiterature ? '' : `, resampled to ${modelSpq}: per model frame, NOT comparable with the literature`})`,
      )
      for (const [name, s] of Object.entries(scores)) {
        console.log(`${name} head:`)
        console.log(
          `  NLL      ${s.nll.toFixed(4)} nats per frame (-log p of each frame over its 88 keys; first frame of each piece unscored)`,
        )
        console.log(
          `  accuracy ${(s.accuracy * 100).toFixed(2)}% expected frame accuracy (Bay et al.; ${name === 'independent' ? 'closed form over Bernoulli samples' : 'one seeded sample per frame'})`,
        )
      }
      console.log(`frames   ${score.frames} scored, ${result.seconds.toFixed(1)} s on ${describeBackend(backend)}`)
    }
    return 0
  },
}
