import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Command } from '../command.ts'
import { UsageError } from '../command.ts'
import { describeBackend, selectBackend } from '../../model/backend.ts'
import { defaultConfig } from '../../model/config.ts'
import { loadPianoRollJson, resample } from '../../training/data.ts'
import { loadMidiFolder } from '../../training/midiFolder.ts'
import { train } from '../../training/train.ts'
import { numberOption } from '../options.ts'

const usage = `neural-piano train (--data DIR [--data DIR ...] | --midi DIR) --out DIR [options]
  --data DIR            a folder with train.json and valid.json (repeat for several sets)
  --midi DIR            a folder of MIDI files (searched recursively): each is transposed to C major /
                        C minor by its key estimate; every 10th file is held out for validation
  --out DIR             where the best checkpoint goes (float16), e.g. resources/model
  --work DIR            resume files (default checkpoints-work/<name of --out>); an existing run resumes
  --init DIR            without resume files: start from this checkpoint's weights (e.g. resources/model on
                        a new machine), fresh optimizer moments, the card's updates and frames carried on
  --steps-per-quarter N model resolution (default 2: an eighth note); coarser data is upsampled exactly
  --hidden 1024,1024    LSTM sizes      --dropout 0.5
  --batch 32 --window 32 --lr 0.001 --clip 5 --warmup 100 --seed 1
  --eval-every 250      validate every N updates   --patience 2 --max-decays 3 (early stopping)
  --max-minutes 600     time budget of this invocation   --max-epochs 100
  --segment 256         pieces longer than this many steps are laid out as shuffled segments, so that the
                        end of an epoch is not a long run of nearly empty blocks (0 = whole pieces)
  --threads N           data-parallel: N threads share each block, one backend each (default 1; on
                        wasm, one per core pays; native backends use every core already)
  --notes TEXT          added to the model card`


/** `neural-piano train`: trains (or resumes) a model on piano-roll JSON sets. */
export const trainCommand: Command = {
  name: 'train',
  usage,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        data: { type: 'string', multiple: true }, midi: { type: 'string' }, out: { type: 'string' }, work: { type: 'string' },
        'steps-per-quarter': { type: 'string' }, hidden: { type: 'string' }, dropout: { type: 'string' },
        batch: { type: 'string' }, window: { type: 'string' }, lr: { type: 'string' }, clip: { type: 'string' },
        warmup: { type: 'string' }, seed: { type: 'string' }, 'eval-every': { type: 'string' }, patience: { type: 'string' },
        'max-decays': { type: 'string' }, 'max-minutes': { type: 'string' }, 'max-epochs': { type: 'string' }, notes: { type: 'string' },
        threads: { type: 'string' }, segment: { type: 'string' }, init: { type: 'string' },
      },
    })
    if ((!values.data?.length && !values.midi) || !values.out) throw new UsageError('--out and --data or --midi are required')
    const backend = await selectBackend()
    const log = (line: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`)
    log(`backend: ${describeBackend(backend)}`)
    const stepsPerQuarter = numberOption(values['steps-per-quarter'], 2, 'steps-per-quarter')
    const hiddenSizes = (values.hidden ?? '1024,1024').split(',').map((h) => numberOption(h, 0, 'hidden'))
    const config = defaultConfig({ hiddenSizes, stepsPerQuarter, dropout: numberOption(values.dropout, 0.5, 'dropout') })
    const load = (split: string) => (values.data ?? []).map((dir) => resample(loadPianoRollJson(join(dir, `${split}.json`)), stepsPerQuarter))
    const trainSets = load('train')
    const validSets = load('valid')
    if (values.midi) {
      const folder = loadMidiFolder(values.midi, stepsPerQuarter)
      for (const s of folder.skipped) log(`skipped ${s.file}: ${s.reason}`)
      log(`${values.midi}: ${folder.train.sequences.length} training and ${folder.valid.sequences.length} validation pieces`)
      trainSets.push(folder.train)
      validSets.push(folder.valid)
    }
    const outName = values.out.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? 'run'
    const result = await train({
      config, train: trainSets, valid: validSets, outDir: values.out, workDir: values.work ?? join('checkpoints-work', outName),
      seed: numberOption(values.seed, 1, 'seed'), batch: numberOption(values.batch, 32, 'batch'), window: numberOption(values.window, 32, 'window'),
      learningRate: numberOption(values.lr, 1e-3, 'lr'), clipNorm: numberOption(values.clip, 5, 'clip'), warmupUpdates: numberOption(values.warmup, 100, 'warmup'),
      evalEveryUpdates: numberOption(values['eval-every'], 250, 'eval-every'), decayFactor: 0.5, patience: numberOption(values.patience, 2, 'patience'),
      maxDecays: numberOption(values['max-decays'], 3, 'max-decays'), saveEveryMinutes: 5, maxMinutes: numberOption(values['max-minutes'], 600, 'max-minutes'),
      maxEpochs: numberOption(values['max-epochs'], 100, 'max-epochs'), threads: numberOption(values.threads, 1, 'threads'), segment: numberOption(values.segment, 256, 'segment'),
      backend: backend.active, init: values.init, log,
      notes: values.notes ?? `Data at ${stepsPerQuarter} steps per quarter; sets at a coarser resolution were upsampled exactly (frames repeated), so their figures are per model frame.`,
    })
    log(`done: ${result.stopped}, best validation NLL ${result.bestNll?.toFixed(4) ?? '-'}`)
    return 0
  },
}
