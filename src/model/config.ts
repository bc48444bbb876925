import type { OutputHeadName } from '../shared/ipc/index.ts'
import { KEYS, LOWEST_MIDI } from '../shared/music/constants.ts'

/** Validation figures of one dataset, as evaluate.ts computes them. */
export interface DatasetScore {
  /** Frame-level NLL in nats per model frame (BCE summed over 88 keys, first frame of each sequence unscored). */
  nll: number
  /** Expected frame accuracy of Bay et al. (closed form, see evaluate.ts). */
  accuracy: number
  /** How many frames were scored. */
  frames: number
}

/** What a checkpoint's config.json holds: the architecture and the model card. */
export interface ModelConfig {
  /** Format marker so that later readers can refuse what they do not understand. */
  format: 'neural-piano-lstm/1'
  /** Keys per frame: 88, MIDI 21..108. */
  inputKeys: number
  /** The lowest MIDI note, key index 0. */
  lowestMidi: number
  /** Units of each LSTM layer, bottom first. */
  hiddenSizes: number[]
  /** Dropout rate between layers and on the last layer's output, training only. */
  dropout: number
  /** Frames per quarter note (2 = an eighth note per frame). */
  stepsPerQuarter: number
  /** How the training data was transposed; the continuation engine transposes the primer the same way. */
  keyNormalisation: 'C major / C minor'
  /** Gate order of the fused kernels' 4*hidden columns. */
  gateOrder: 'i,f,o,g'
  /**
   * The output layers on top of the LSTM, the one generation uses by default first: 'independent' (88
   * independent sigmoids, as NeuralPiano) and/or 'nade' (chord-aware: keys drawn low to high, each knowing
   * the ones drawn before). Absent in checkpoints from before heads existed: ['independent'].
   */
  heads?: HeadName[]
  /** Hidden units of the NADE head. */
  nadeHidden?: number
  /** The model card: how it was trained and how it scores. */
  training: TrainingRecord
}

/** The output layers a model can have. */
export type HeadName = OutputHeadName

/** The output layers of a checkpoint, the default for generation first. */
export function headsOf(config: ModelConfig): HeadName[] {
  return config.heads?.length ? config.heads : ['independent']
}

/** The model card part of config.json. */
export interface TrainingRecord {
  /** Dataset names (e.g. "jsb") or folders trained on. */
  datasets: string[]
  /** Seed of the run. */
  seed: number
  /** Completed epochs (fractional: frames seen / frames per epoch). */
  epochs: number
  /** Training frames seen. */
  framesSeen: number
  /** Parameter updates made. */
  updates: number
  /** Hyperparameters of the run. */
  hyper: Record<string, number | string>
  /** Validation score per dataset at this checkpoint (of the first head). */
  validation: Record<string, DatasetScore>
  /** The same per head, where the model has several. */
  validationByHead?: Partial<Record<HeadName, Record<string, DatasetScore>>>
  /** The frame-weighted mean validation NLL the run selects on (summed over heads when there are several). */
  validationNll: number | null
  /** ISO date when this checkpoint was written. */
  date: string
  /** Free text: what the figures mean and what is known to be missing. */
  notes: string
}

/** The architecture the user specified: 2 x 1024 LSTM, dropout 0.5, an eighth note per frame. */
export function defaultConfig(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    format: 'neural-piano-lstm/1',
    inputKeys: KEYS,
    lowestMidi: LOWEST_MIDI,
    hiddenSizes: [1024, 1024],
    dropout: 0.5,
    stepsPerQuarter: 2,
    keyNormalisation: 'C major / C minor',
    gateOrder: 'i,f,o,g',
    training: emptyTrainingRecord(),
    ...overrides,
  }
}

/** A card for a model that has not been trained yet. */
export function emptyTrainingRecord(): TrainingRecord {
  return {
    datasets: [],
    seed: 0,
    epochs: 0,
    framesSeen: 0,
    updates: 0,
    hyper: {},
    validation: {},
    validationNll: null,
    date: new Date().toISOString(),
    notes: 'untrained',
  }
}
