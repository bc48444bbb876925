import * as tf from './tf.ts'
import type { ModelConfig } from './config.ts'
import { Rng } from './rng.ts'

/** One LSTM layer's fused weights; the 4*hidden columns are the gates in order i, f, o, g. */
export interface LstmWeights {
  /** [inputs, 4*hidden]: applied to all time steps at once (hoisted out of the time loop). */
  kernel: tf.Tensor2D
  /** [hidden, 4*hidden]: the one matMul per step. */
  recurrent: tf.Tensor2D
  /** [4*hidden]. */
  bias: tf.Tensor1D
}

/** All weights of the network. */
export interface NetworkWeights {
  /** The LSTM layers, bottom first. */
  layers: LstmWeights[]
  /** [lastHidden, keys]. */
  outKernel: tf.Tensor2D
  /** [keys]. */
  outBias: tf.Tensor1D
}

/** The names under which checkpoints and the optimizer store each weight, in a fixed order. */
export function weightNames(config: ModelConfig): string[] {
  return [...weightShapes(config).keys()]
}

/** Flattens the weights into name -> tensor, in weightNames order. */
export function namedWeights(weights: NetworkWeights): Map<string, tf.Tensor> {
  const map = new Map<string, tf.Tensor>()
  weights.layers.forEach((layer, l) => {
    map.set(`lstm${l}/kernel`, layer.kernel)
    map.set(`lstm${l}/recurrent`, layer.recurrent)
    map.set(`lstm${l}/bias`, layer.bias)
  })
  map.set('output/kernel', weights.outKernel)
  map.set('output/bias', weights.outBias)
  return map
}

/** Every weight's name (in weightNames order) and shape. */
export function weightShapes(config: ModelConfig): Map<string, number[]> {
  const shapes = new Map<string, number[]>()
  let inputs = config.inputKeys
  config.hiddenSizes.forEach((hidden, l) => {
    shapes.set(`lstm${l}/kernel`, [inputs, 4 * hidden])
    shapes.set(`lstm${l}/recurrent`, [hidden, 4 * hidden])
    shapes.set(`lstm${l}/bias`, [4 * hidden])
    inputs = hidden
  })
  shapes.set('output/kernel', [inputs, config.inputKeys])
  shapes.set('output/bias', [config.inputKeys])
  return shapes
}

/** Rebuilds the structure from name -> tensor (the inverse of namedWeights); throws on a missing or misshapen weight. */
export function weightsFromMap(config: ModelConfig, map: Map<string, tf.Tensor>): NetworkWeights {
  const shapes = weightShapes(config)
  const get = <T extends tf.Tensor>(name: string): T => {
    const t = map.get(name)
    if (!t) throw new Error(`checkpoint has no weight "${name}"`)
    const shape = shapes.get(name) as number[]
    if (t.shape.join('x') !== shape.join('x')) throw new Error(`weight "${name}" has shape [${t.shape}], expected [${shape}]`)
    return t as T
  }
  return {
    layers: config.hiddenSizes.map((_, l) => ({
      kernel: get<tf.Tensor2D>(`lstm${l}/kernel`),
      recurrent: get<tf.Tensor2D>(`lstm${l}/recurrent`),
      bias: get<tf.Tensor1D>(`lstm${l}/bias`),
    })),
    outKernel: get<tf.Tensor2D>('output/kernel'),
    outBias: get<tf.Tensor1D>('output/bias'),
  }
}

function uniform(rng: Rng, size: number, limit: number): Float32Array {
  const values = new Float32Array(size)
  for (let i = 0; i < size; i++) values[i] = (rng.next() * 2 - 1) * limit
  return values
}

/**
 * Fresh weights from a seed: uniform(+-1/sqrt(hidden)) as in PyTorch's LSTM, forget-gate bias 1 so that
 * memory flows from the start, and an output bias at the log-odds of a key sounding (~4 of 88) so that
 * the first updates are not spent learning that most keys are silent.
 */
export function initWeights(config: ModelConfig, seed: number, keyRate = 4 / 88): NetworkWeights {
  const rng = new Rng(seed)
  let inputs = config.inputKeys
  const layers = config.hiddenSizes.map((hidden) => {
    const limit = 1 / Math.sqrt(hidden)
    const bias = new Float32Array(4 * hidden)
    bias.fill(1, hidden, 2 * hidden)
    const layer = {
      kernel: tf.tensor2d(uniform(rng, inputs * 4 * hidden, limit), [inputs, 4 * hidden]),
      recurrent: tf.tensor2d(uniform(rng, hidden * 4 * hidden, limit), [hidden, 4 * hidden]),
      bias: tf.tensor1d(bias),
    }
    inputs = hidden
    return layer
  })
  const outLimit = Math.sqrt(6 / (inputs + config.inputKeys))
  return {
    layers,
    outKernel: tf.tensor2d(uniform(rng, inputs * config.inputKeys, outLimit), [inputs, config.inputKeys]),
    outBias: tf.fill([config.inputKeys], Math.log(keyRate / (1 - keyRate))) as tf.Tensor1D,
  }
}

/** Frees every weight tensor. */
export function disposeWeights(weights: NetworkWeights): void {
  tf.dispose([...namedWeights(weights).values()])
}
