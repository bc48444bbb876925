import { join } from 'node:path'
import type { Command } from '../command.ts'
import { UsageError } from '../command.ts'
import { BACKEND_ORDER, describeBackend, parseBackendChoice, selectBackend } from '../../model/backend.ts'
import { defaultConfig, type HeadName } from '../../model/config.ts'
import { resample } from '../../training/data.ts'
import { loadMidiFolder } from '../../training/midiFolder.ts'
import { train } from '../../training/train.ts'
import { parseOptions } from '../args.ts'
import { readPianoRolls } from '../data.ts'
import { boundedOption, shown } from '../args.ts'
import { checkCheckpoint, checkDataFolder, checkFolder, checkNotAFile } from '../paths.ts'
import { Progress } from '../progress.ts'

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
  --heads LIST          output layers, the default for generation first: independent (as NeuralPiano),
                        nade (chord-aware), or both, e.g. --heads nade,independent (default independent)
  --nade-hidden N       hidden units of the NADE head (default 150)
  --transpose-augment K each training segment moves by a random -K..+K semitones (validation never does)
  --backend NAME        start the backend search here: webgpu, wasm, cpu (default: the fastest that loads)
  --batch 32 --window 32 --lr 0.001 --clip 5 --warmup 100 --seed 1
  --eval-every 250      validate every N updates   --patience 2 --max-decays 3 (early stopping)
  --max-minutes 600     time budget of this invocation   --max-epochs 100
  --segment 256         pieces longer than this many steps are laid out as shuffled segments, so that the
                        end of an epoch is not a long run of nearly empty blocks (0 = whole pieces)
  --threads N           data-parallel: N threads share each block, one backend each (default 1; on
                        wasm, one per core pays; native backends use every core already)
  --notes TEXT          added to the model card
Progress of each epoch goes to stderr: a bar with ETA on a terminal, a plain line a minute otherwise.`

const MAX_HIDDEN = 4096

function headList(text: string | undefined): HeadName[] {
  if (text === undefined) return ['independent']
  const names = text.split(',').map((h) => h.trim())
  if (names.some((h) => h !== 'independent' && h !== 'nade') || new Set(names).size !== names.length) {
    throw new UsageError(`--heads ${shown(text)}: give independent, nade, or both separated by a comma (the default for generation first)`)
  }
  return names as HeadName[]
}

function hiddenSizes(text: string | undefined): number[] {
  if (text === undefined) return [1024, 1024]
  const sizes = text.split(',').map((h) => (h.trim() === '' ? NaN : Number(h)))
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > MAX_HIDDEN)) {
    throw new UsageError(
      `--hidden ${shown(text)}: give LSTM layer sizes, whole numbers from 1 to ${MAX_HIDDEN} separated by commas, e.g. --hidden 1024,1024`,
    )
  }
  return sizes
}

/** `neural-piano train`: trains (or resumes) a model on piano-roll JSON sets. */
export const trainCommand: Command = {
  name: 'train',
  usage,
  async run(args) {
    const { values } = parseOptions({
      args,
      options: {
        data: { type: 'string', multiple: true },
        midi: { type: 'string' },
        out: { type: 'string' },
        work: { type: 'string' },
        'steps-per-quarter': { type: 'string' },
        hidden: { type: 'string' },
        dropout: { type: 'string' },
        batch: { type: 'string' },
        window: { type: 'string' },
        lr: { type: 'string' },
        clip: { type: 'string' },
        warmup: { type: 'string' },
        seed: { type: 'string' },
        'eval-every': { type: 'string' },
        patience: { type: 'string' },
        'max-decays': { type: 'string' },
        'max-minutes': { type: 'string' },
        'max-epochs': { type: 'string' },
        notes: { type: 'string' },
        threads: { type: 'string' },
        segment: { type: 'string' },
        init: { type: 'string' },
        heads: { type: 'string' },
        'nade-hidden': { type: 'string' },
        'transpose-augment': { type: 'string' },
        backend: { type: 'string' },
        'save-every': { type: 'string' },
      },
    })
    // Every word and every folder is checked before the backend starts and the data loads.
    if (!values.data?.length && !values.midi)
      throw new UsageError('give the training data with --data DIR (train.json + valid.json) or --midi DIR')
    if (!values.out) throw new UsageError('give the folder for the checkpoint with --out DIR')
    const whole = (min: number, max?: number) => ({ min, ...(max === undefined ? {} : { max }), integer: true })
    const stepsPerQuarter = boundedOption(values['steps-per-quarter'], 2, 'steps-per-quarter', whole(1, 96))
    const hidden = hiddenSizes(values.hidden)
    const dropout = boundedOption(values.dropout, 0.5, 'dropout', { min: 0, max: 0.95 })
    const seed = boundedOption(values.seed, 1, 'seed', whole(0, 2 ** 32 - 1))
    const batch = boundedOption(values.batch, 32, 'batch', whole(1, 4096))
    const window = boundedOption(values.window, 32, 'window', whole(1, 100_000))
    const learningRate = boundedOption(values.lr, 1e-3, 'lr', { min: 0, max: 1, aboveMin: true })
    const clipNorm = boundedOption(values.clip, 5, 'clip', { min: 0, aboveMin: true })
    const warmupUpdates = boundedOption(values.warmup, 100, 'warmup', whole(0))
    const evalEveryUpdates = boundedOption(values['eval-every'], 250, 'eval-every', whole(1))
    const patience = boundedOption(values.patience, 2, 'patience', whole(1))
    const maxDecays = boundedOption(values['max-decays'], 3, 'max-decays', whole(0))
    const maxMinutes = boundedOption(values['max-minutes'], 600, 'max-minutes', { min: 0, aboveMin: true })
    const maxEpochs = boundedOption(values['max-epochs'], 100, 'max-epochs', whole(1))
    const threads = boundedOption(values.threads, 1, 'threads', whole(1, 64))
    const segment = boundedOption(values.segment, 256, 'segment', whole(0))
    const heads = headList(values.heads)
    const nadeHidden = boundedOption(values['nade-hidden'], 150, 'nade-hidden', whole(1, 4096))
    const transpose = boundedOption(values['transpose-augment'], 0, 'transpose-augment', whole(0, 24))
    const saveEveryMinutes = boundedOption(values['save-every'], 5, 'save-every', { min: 0, aboveMin: true })
    const prefer = values.backend === undefined ? undefined : parseBackendChoice(values.backend)
    if (values.backend !== undefined && !prefer)
      throw new UsageError(`--backend ${shown(values.backend)}: the backends are ${BACKEND_ORDER.join(', ')}`)
    for (const dir of values.data ?? []) checkDataFolder(dir, `--data ${dir}`)
    if (values.midi) checkFolder(values.midi, `--midi ${values.midi}`)
    if (values.init) checkCheckpoint(values.init, `--init ${values.init}`)
    checkNotAFile(values.out, `--out ${values.out}`)
    if (values.work) checkNotAFile(values.work, `--work ${values.work}`)

    let progress: Progress | undefined
    const log = (line: string): void => {
      const stamped = `[${new Date().toISOString().slice(11, 19)}] ${line}`
      if (progress) progress.log(stamped)
      else console.log(stamped)
    }
    const onUpdate = (at: { epoch: number; block: number; blocks: number }): void => {
      // One bar per epoch; a resumed epoch counts its rate from where it resumed.
      progress ??= new Progress({
        label: `epoch ${at.epoch + 1}`,
        total: at.blocks,
        unit: 'updates',
        start: at.block - 1,
        plainEvery: 60_000,
      })
      progress.update(at.block)
      if (at.block === at.blocks) {
        progress.finish()
        progress = undefined
      }
    }

    const backend = await selectBackend(prefer ?? parseBackendChoice(process.env.NEURAL_PIANO_BACKEND))
    log(`backend: ${describeBackend(backend)}`)
    const config = defaultConfig({
      hiddenSizes: hidden,
      stepsPerQuarter,
      dropout,
      ...(heads.length === 1 && heads[0] === 'independent' ? {} : { heads }),
      ...(heads.includes('nade') ? { nadeHidden } : {}),
    })
    const load = (split: string) =>
      (values.data ?? []).map((dir) => resample(readPianoRolls(join(dir, `${split}.json`), `--data ${dir}`), stepsPerQuarter))
    const trainSets = load('train')
    const validSets = load('valid')
    if (values.midi) {
      const folder = loadMidiFolder(values.midi, stepsPerQuarter)
      for (const s of folder.skipped) log(`skipped ${s.file}: ${s.reason}`)
      log(`${values.midi}: ${folder.train.sequences.length} training and ${folder.valid.sequences.length} validation pieces`)
      trainSets.push(folder.train)
      validSets.push(folder.valid)
    }
    const outName =
      values.out
        .replace(/[\\/]+$/, '')
        .split(/[\\/]/)
        .pop() ?? 'run'
    try {
      const result = await train({
        config,
        train: trainSets,
        valid: validSets,
        outDir: values.out,
        workDir: values.work ?? join('checkpoints-work', outName),
        seed,
        batch,
        window,
        learningRate,
        clipNorm,
        warmupUpdates,
        evalEveryUpdates,
        decayFactor: 0.5,
        patience,
        maxDecays,
        saveEveryMinutes,
        maxMinutes,
        maxEpochs,
        threads,
        segment,
        transpose,
        backend: backend.active,
        backendLabel: describeBackend({ ...backend, skipped: [] }),
        init: values.init,
        log,
        onUpdate,
        notes:
          values.notes ??
          `Data at ${stepsPerQuarter} steps per quarter; sets at a coarser resolution were upsampled exactly (frames repeated), so their figures are per model frame.`,
      })
      progress?.finish()
      log(`done: ${result.stopped}, best validation NLL ${result.bestNll?.toFixed(4) ?? '-'}`)
      return 0
    } finally {
      progress?.finish()
    }
  },
}
