import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as tf from '../model/tf.ts'
import { headsOf, type DatasetScore, type HeadName, type ModelConfig } from '../model/config.ts'
import { DEFAULT_NADE_HIDDEN } from '../model/heads/nade.ts'
import { Adam } from './adam.ts'
import { loadCheckpoint, loadNamedTensors, saveCheckpoint, saveNamedTensors, writeJsonAtomic } from '../model/checkpoint.ts'
import type { BackendChoice } from '../shared/ipc/index.ts'
import { BlockTrainer, type Validation } from './blockTrainer.ts'
import { stepsOf, type PianoRollSet, type Sequence } from './data.ts'
import { disposeWeights, initWeights, namedWeights, weightsFromMap, type NetworkWeights } from '../model/weights.ts'
import { KEYS } from '../shared/music/constants.ts'

/** Everything a training run needs; the data must already be at config.stepsPerQuarter. */
export interface TrainOptions {
  /** Architecture and resolution; its training record is filled in by the run. */
  config: ModelConfig
  /** Training sets (pieces of all sets are shuffled together). */
  train: PianoRollSet[]
  /** Validation sets, scored separately and pooled for model selection. */
  valid: PianoRollSet[]
  /** Where the best checkpoint (float16) goes whenever validation improves. */
  outDir: string
  /** Scratch for resuming: float32 weights, Adam moments, data position (state.json). */
  workDir: string
  /** Seed of initialisation, shuffling and dropout. */
  seed: number
  /** Lanes per block. */
  batch: number
  /** Truncated-BPTT window in steps. */
  window: number
  /** Peak learning rate. */
  learningRate: number
  /** Global gradient-norm clip. */
  clipNorm: number
  /** Linear warm-up length in updates. */
  warmupUpdates: number
  /** Validate every this many updates. */
  evalEveryUpdates: number
  /** Learning rate is multiplied by this after `patience` validations without improvement... */
  decayFactor: number
  /** ...and the run stops (early stopping) after `maxDecays` such decays. */
  patience: number
  /** See decayFactor. */
  maxDecays: number
  /** Resume files are written at least this often. */
  saveEveryMinutes: number
  /** Wall-clock budget of this invocation (the run can be resumed later). */
  maxMinutes: number
  /** Epoch limit of the whole run. */
  maxEpochs: number
  /** Progress and event lines. */
  log: (line: string) => void
  /** Called after every update with where the run is: `block` updates of the epoch's `blocks` are done. */
  onUpdate?: (at: { epoch: number; block: number; blocks: number; updates: number }) => void
  /** Extra text for the model card. */
  notes?: string
  /**
   * Threads that share each block (data-parallel: each computes the gradients of its lanes, averaged
   * before the update; validation is split too). 1 = this thread only. Worth it on wasm and cpu, where a
   * backend uses one core; the native backends already use every core.
   */
  threads?: number
  /** The backend the worker threads start (default: the one this thread runs on). */
  backend?: BackendChoice
  /** Pieces longer than this many steps are laid out as shuffled segments (0 = whole pieces; see planLanes). */
  segment?: number
  /** Transposition augmentation: each training segment moves by a random -transpose..+transpose semitones (validation never). */
  transpose?: number
  /** What the card says the run trained on (e.g. "webgpu on NVIDIA H100 80GB HBM3"). */
  backendLabel?: string
  /**
   * A checkpoint folder to start a new run from (when workDir holds no run): its weights (float16 ->
   * float32), its training record's updates and frames (so the card stays cumulative), fresh Adam moments
   * and a new learning-rate warm-up. Continues training where the resume files are gone (a new machine).
   */
  init?: string
}

/** What state.json holds: enough to continue the run exactly where it stopped. */
interface RunState {
  version: 1
  seed: number
  epoch: number
  block: number
  updates: number
  framesSeen: number
  lrScale: number
  bestNll: number | null
  badEvals: number
  decays: number
  lastEvalUpdate: number
  /** The update the learning-rate warm-up counts from (a run started from a checkpoint warms up again). */
  warmupFrom?: number
  /** Segment length of the lane plans (0 = whole pieces) and the first epoch it applies to (absent in older runs). */
  segment?: number
  segmentFromEpoch?: number
  history: {
    updates: number
    epochs: number
    nll: number
    scores: Record<string, DatasetScore>
    byHead?: Validation['byHead']
    date: string
  }[]
  architecture: string
}

function architectureOf(config: ModelConfig): string {
  const trunk = [config.inputKeys, config.hiddenSizes, config.stepsPerQuarter]
  const heads = headsOf(config)
  // Runs from before heads existed had the independent head alone and this shorter string.
  if (heads.length === 1 && heads[0] === 'independent') return JSON.stringify(trunk)
  return JSON.stringify([...trunk, heads, heads.includes('nade') ? (config.nadeHidden ?? DEFAULT_NADE_HIDDEN) : 0])
}

function trunkOf(config: ModelConfig): string {
  return JSON.stringify([config.inputKeys, config.hiddenSizes, config.stepsPerQuarter])
}

/**
 * The starting weights of a run from a checkpoint (`--init`) that may lack some of this run's heads: the
 * trunk and the heads it has are taken over, the others start fresh, and a new NADE head starts from the
 * checkpoint's independent layer (its visible biases are that layer's logits, so it begins as the
 * independent model plus a small correction).
 */
function adoptWeights(config: ModelConfig, from: NetworkWeights, fresh: NetworkWeights): NetworkWeights {
  const source = namedWeights(from)
  const target = namedWeights(fresh)
  const adopted = new Map<string, tf.Tensor>()
  const copies: Record<string, string> = { 'nade/visibleKernel': 'output/kernel', 'nade/visibleBias': 'output/bias' }
  for (const [name, tensor] of target) {
    const have = source.get(name) ?? source.get(copies[name] ?? '')
    adopted.set(name, have && have.shape.join() === tensor.shape.join() ? tf.clone(have) : tf.clone(tensor))
  }
  disposeWeights(from)
  disposeWeights(fresh)
  return weightsFromMap(config, adopted)
}

function meanKeyRate(sequences: Sequence[], keys: number): number {
  let active = 0
  let frames = 0
  for (const seq of sequences)
    for (const frame of seq) {
      active += frame.length
      frames++
    }
  return frames ? Math.min(0.5, Math.max(1e-4, active / frames / keys)) : 4 / KEYS
}

function formatMinutes(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  return seconds >= 3600
    ? `${Math.floor(seconds / 3600)}h${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')}m`
    : `${Math.round(seconds / 60)}m`
}

/**
 * Trains until early stopping, the epoch limit, the time budget or SIGINT/SIGTERM; every stop leaves
 * resume files in workDir, and calling it again with the same options continues the same run
 * (same shuffles and dropout masks; only the recurrent state carried across blocks restarts at zero).
 */
export async function train(options: TrainOptions): Promise<{ stopped: 'early' | 'epochs' | 'time' | 'signal'; bestNll: number | null }> {
  const { config, log } = options
  const sequences = options.train.flatMap((s) => s.sequences)
  const framesPerEpoch = sequences.reduce((n, s) => n + stepsOf(s), 0)
  const statePath = join(options.workDir, 'state.json')
  const adam = new Adam({ clipNorm: options.clipNorm })
  let run: RunState
  let initial: NetworkWeights
  if (existsSync(statePath)) {
    run = JSON.parse(readFileSync(statePath, 'utf8')) as RunState
    if (run.architecture !== architectureOf(config)) throw new Error(`${statePath} belongs to another architecture (${run.architecture})`)
    initial = weightsFromMap(config, loadNamedTensors(join(options.workDir, 'weights')))
    adam.restore(loadNamedTensors(join(options.workDir, 'adam')), run.updates)
    log(`resumed at epoch ${run.epoch} block ${run.block} (update ${run.updates}, best validation NLL ${run.bestNll?.toFixed(4) ?? '-'})`)
    if (run.segment === undefined) {
      // A run from before segmented plans: an epoch under way keeps its plan, later epochs use segments.
      run.segment = options.segment ?? 0
      run.segmentFromEpoch = run.block === 0 ? run.epoch : run.epoch + 1
      if (run.segment) log(`pieces longer than ${run.segment} steps will be laid out as segments from epoch ${run.segmentFromEpoch}`)
    } else if (run.segment !== (options.segment ?? 0)) {
      log(
        `this run lays out segments of ${run.segment || 'whole pieces'} (as it started); --segment ${options.segment ?? 0} applies to new runs`,
      )
    }
  } else {
    run = {
      version: 1,
      seed: options.seed,
      epoch: 0,
      block: 0,
      updates: 0,
      framesSeen: 0,
      lrScale: 1,
      bestNll: null,
      badEvals: 0,
      decays: 0,
      lastEvalUpdate: 0,
      segment: options.segment ?? 0,
      segmentFromEpoch: 0,
      history: [],
      architecture: architectureOf(config),
    }
    if (options.init) {
      const start = loadCheckpoint(options.init)
      if (trunkOf(start.config) !== trunkOf(config)) {
        disposeWeights(start.weights)
        throw new Error(`${options.init} has another architecture (${trunkOf(start.config)}) than this run (${trunkOf(config)})`)
      }
      initial = adoptWeights(config, start.weights, initWeights(config, options.seed, meanKeyRate(sequences, config.inputKeys)))
      const record = start.config.training
      run.updates = record.updates
      run.framesSeen = record.framesSeen
      run.lastEvalUpdate = record.updates
      run.warmupFrom = record.updates
      // A fresh shuffle from the next whole epoch: the data position inside the old run is not known.
      run.epoch = Math.ceil(record.epochs)
      run.segmentFromEpoch = run.epoch
      log(
        `started from ${options.init}: ${record.epochs.toFixed(2)} epochs, ${record.updates} updates, validation NLL ${record.validationNll?.toFixed(4) ?? '-'} (fresh Adam moments, warm-up again)`,
      )
    } else {
      initial = initWeights(config, options.seed, meanKeyRate(sequences, config.inputKeys))
    }
  }

  const saveResume = async (): Promise<void> => {
    await saveNamedTensors(join(options.workDir, 'weights'), namedWeights(trainer.weights), 'float32')
    await saveNamedTensors(join(options.workDir, 'adam'), adam.stateTensors(), 'float32')
    writeJsonAtomic(statePath, run)
  }

  const card = ({ scores, byHead, pooled }: Validation): ModelConfig => ({
    ...config,
    training: {
      datasets: options.train.map((s) => s.name),
      seed: run.seed,
      epochs: run.framesSeen / framesPerEpoch,
      framesSeen: run.framesSeen,
      updates: run.updates,
      hyper: {
        batch: options.batch,
        window: options.window,
        learningRate: options.learningRate,
        lrScale: run.lrScale,
        clipNorm: options.clipNorm,
        warmupUpdates: options.warmupUpdates,
        optimizer: 'adam(0.9,0.999,1e-8)',
        framesPerEpoch,
        trainPieces: sequences.length,
        segment: run.segment ?? 0,
        segmentFromEpoch: run.segmentFromEpoch ?? 0,
        transposeAugment: options.transpose ?? 0,
        backend: options.backendLabel ?? tf.getBackend(),
      },
      validation: scores,
      ...(Object.keys(byHead).length > 1 ? { validationByHead: byHead } : {}),
      validationNll: pooled,
      date: new Date().toISOString(),
      notes: options.notes ?? '',
    },
  })

  const evaluateAndSelect = async (): Promise<boolean> => {
    const t0 = performance.now()
    const validation = await trainer.validate(options.valid)
    const { scores, byHead, pooledByHead, pooled } = validation
    run.lastEvalUpdate = run.updates
    run.history.push({
      updates: run.updates,
      epochs: run.framesSeen / framesPerEpoch,
      nll: pooled,
      scores,
      ...(Object.keys(byHead).length > 1 ? { byHead } : {}),
      date: new Date().toISOString(),
    })
    const seconds = ((performance.now() - t0) / 1000).toFixed(0)
    for (const [head, headScores] of Object.entries(byHead)) {
      const parts = Object.entries(headScores).map(([name, s]) => `${name} ${s.nll.toFixed(3)}/${(s.accuracy * 100).toFixed(1)}%`)
      log(
        `validation at update ${run.updates}${Object.keys(byHead).length > 1 ? ` (${head} head)` : ''}: pooled NLL ${(pooledByHead[head as HeadName] as number).toFixed(4)} | ${parts.join(' | ')} (${seconds} s)`,
      )
    }
    if (run.bestNll === null || pooled < run.bestNll) {
      run.bestNll = pooled
      run.badEvals = 0
      await saveCheckpoint(options.outDir, card(validation), trainer.weights, 'float16')
      log(`  improved: checkpoint written to ${options.outDir}`)
      return false
    }
    run.badEvals++
    if (run.badEvals >= options.patience) {
      run.badEvals = 0
      run.decays++
      run.lrScale *= options.decayFactor
      log(
        `  no improvement for ${options.patience} validations: learning rate x${options.decayFactor} (decay ${run.decays}/${options.maxDecays})`,
      )
      if (run.decays > options.maxDecays) return true
    }
    return false
  }

  let signalled = false
  const onSignal = (): void => {
    signalled = true
    log('signal received: stopping after this update')
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const started = performance.now()
  let lastSave = started
  let emaLoss: number | null = null
  let windowFrames = 0
  let windowStart = performance.now()
  let stopped: 'early' | 'epochs' | 'time' | 'signal' = 'epochs'
  const trainer = await BlockTrainer.start({
    spec: {
      config,
      sequences,
      batch: options.batch,
      window: options.window,
      seed: run.seed,
      segment: run.segment ?? 0,
      segmentFromEpoch: run.segmentFromEpoch ?? 0,
      transpose: options.transpose ?? 0,
    },
    threads: options.threads ?? 1,
    valid: options.valid,
    backend: options.backend,
    weights: initial,
    adam,
  }).catch((error: unknown) => {
    disposeWeights(initial)
    adam.dispose()
    throw error
  })
  if (trainer.threads > 1) log(`${trainer.threads} threads share each block: lanes ${trainer.describe()}`)
  try {
    outer: while (run.epoch < options.maxEpochs) {
      const blocks = trainer.blocks(run.epoch)
      for (; run.block < blocks; run.block++) {
        const lr = options.learningRate * run.lrScale * Math.min(1, (run.updates - (run.warmupFrom ?? 0) + 1) / options.warmupUpdates)
        const { loss, headLosses, scored, gradNorm } = await trainer.update(run.epoch, run.block, lr)
        run.updates++
        run.framesSeen += scored
        windowFrames += scored
        emaLoss = emaLoss === null ? loss : 0.98 * emaLoss + 0.02 * loss
        options.onUpdate?.({ epoch: run.epoch, block: run.block + 1, blocks, updates: run.updates })
        // Let the event loop run once per update: signal handlers only fire when it does.
        await new Promise((resolve) => setImmediate(resolve))
        if (run.updates % 5 === 0) {
          const now = performance.now()
          const fps = (windowFrames / (now - windowStart)) * 1000
          windowFrames = 0
          windowStart = now
          const left = ((blocks - run.block - 1) * options.batch * options.window) / fps
          log(
            `epoch ${(run.framesSeen / framesPerEpoch).toFixed(3)} | update ${run.updates} | loss ${loss.toFixed(3)} (avg ${emaLoss.toFixed(3)}${
              Object.keys(headLosses).length > 1
                ? `; ${Object.entries(headLosses)
                    .map(([h, l]) => `${h} ${l.toFixed(3)}`)
                    .join(', ')}`
                : ''
            }) | ${fps.toFixed(0)} frames/s | lr ${lr.toExponential(1)} | |g| ${gradNorm.toFixed(2)} | epoch ETA ${formatMinutes(left)} | tensors ${tf.memory().numTensors}`,
          )
        }
        const overTime = performance.now() - started > options.maxMinutes * 60_000
        if (run.updates - run.lastEvalUpdate >= options.evalEveryUpdates) {
          run.block++
          const early = await evaluateAndSelect()
          run.block--
          if (early) {
            stopped = 'early'
            run.block++
            break outer
          }
        }
        if (signalled || overTime) {
          stopped = signalled ? 'signal' : 'time'
          run.block++
          break outer
        }
        if (performance.now() - lastSave > options.saveEveryMinutes * 60_000) {
          run.block++
          await saveResume()
          run.block--
          lastSave = performance.now()
        }
      }
      run.epoch++
      run.block = 0
    }
    // A time-budget stop validates first so that the checkpoint reflects the last stretch of training.
    if ((stopped === 'epochs' || stopped === 'time') && run.lastEvalUpdate !== run.updates) await evaluateAndSelect()
  } finally {
    await trainer.close()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  await saveResume()
  log(
    `stopped (${stopped}) after ${run.updates} updates, ${(run.framesSeen / framesPerEpoch).toFixed(3)} epochs; resume files in ${options.workDir}`,
  )
  disposeWeights(trainer.weights)
  adam.dispose()
  return { stopped, bestNll: run.bestNll }
}
