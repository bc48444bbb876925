import type { Command } from '../command.ts'
import { UsageError } from '../command.ts'
import { describeBackend, selectBackend } from '../../main/model/backend.ts'
import { resample } from '../../main/model/data.ts'
import { evaluateSequences } from '../../main/model/evaluate.ts'
import { loadCheckpoint, loadCheckpointConfig } from '../../main/model/checkpoint.ts'
import { disposeWeights } from '../../main/model/weights.ts'
import { parseOptions } from '../args.ts'
import { readPianoRolls } from '../data.ts'
import { checkCheckpoint } from '../paths.ts'
import { Progress } from '../progress.ts'

const usage = `neural-piano evaluate --model DIR --data FILE.json [--json] [--resample]
  --model DIR   a checkpoint folder (config.json + model.json + shards), e.g. resources/model
  --data FILE   a piano-roll JSON file (e.g. /work/shared/data/nottingham/valid.json)
  --resample    allow data at another resolution than the model's (figures are then per model frame
                and not comparable with published ones)
  --json        print one JSON object
Progress goes to stderr: a bar with ETA on a terminal, a plain line every 10 s otherwise.`

/** `neural-piano evaluate`: frame-level NLL and expected frame accuracy as the literature reports them. */
export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'frame-level NLL (nats) and expected frame accuracy of a checkpoint on a piano-roll JSON file',
  usage,
  async run(args) {
    const { values } = parseOptions({ args, options: { model: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' }, resample: { type: 'boolean' } } })
    if (!values.model) throw new UsageError('give the checkpoint folder with --model DIR, e.g. --model resources/model')
    if (!values.data) throw new UsageError('give the data with --data FILE.json, e.g. --data data/nottingham/valid.json')
    checkCheckpoint(values.model, `--model ${values.model}`)
    const set = readPianoRolls(values.data, `--data ${values.data}`)
    const modelSpq = loadCheckpointConfig(values.model).stepsPerQuarter
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
    const score = (() => {
      try {
        return evaluateSequences(weights, data.sequences, {
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
      backend: backend.active,
    }
    if (values.json) {
      console.log(JSON.stringify(result, null, 2))
    } else {
      console.log(`model    ${values.model} (${modelSpq} steps per quarter)`)
      console.log(`data     ${values.data} (${set.name}, ${set.stepsPerQuarter} step${set.stepsPerQuarter === 1 ? '' : 's'} per quarter${result.comparableWithLiterature ? '' : `, resampled to ${modelSpq}: per model frame, NOT comparable with the literature`})`)
      console.log(`NLL      ${score.nll.toFixed(4)} nats per frame (BCE summed over 88 keys; first frame of each piece unscored)`)
      console.log(`accuracy ${(score.accuracy * 100).toFixed(2)}% expected frame accuracy (Bay et al., closed form over Bernoulli samples)`)
      console.log(`frames   ${score.frames} scored, ${result.seconds.toFixed(1)} s on ${describeBackend(backend)}`)
    }
    return 0
  },
}
