import * as tf from './tf.ts'
import type { ModelConfig } from './config.ts'
import { Rng, uniformArray } from './rng.ts'
import { headsOfConfig, type HeadWeights } from './heads/index.ts'
import { KEYS } from '../shared/music/constants.ts'

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
  /** The output layers' weights by checkpoint name ('output/kernel', 'nade/...'; see heads/). */
  head: HeadWeights
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
  for (const [name, tensor] of weights.head) map.set(name, tensor)
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
  for (const head of headsOfConfig(config)) for (const [name, shape] of head.shapes(config, inputs)) shapes.set(name, shape)
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
    head: new Map(
      headsOfConfig(config).flatMap((head) =>
        [...head.shapes(config, config.hiddenSizes.at(-1) as number).keys()].map((name) => [name, get(name)] as const),
      ),
    ),
  }
}

/**
 * Fresh weights from a seed: uniform(+-1/sqrt(hidden)) as in PyTorch's LSTM, forget-gate bias 1 so that
 * memory flows from the start, and each head's own initialisation (keyRate: how often a key sounds, ~4 of 88).
 */
export function initWeights(config: ModelConfig, seed: number, keyRate = 4 / KEYS): NetworkWeights {
  const rng = new Rng(seed)
  let inputs = config.inputKeys
  const layers = config.hiddenSizes.map((hidden) => {
    const limit = 1 / Math.sqrt(hidden)
    const bias = new Float32Array(4 * hidden)
    bias.fill(1, hidden, 2 * hidden)
    const layer = {
      kernel: tf.tensor2d(uniformArray(rng, inputs * 4 * hidden, limit), [inputs, 4 * hidden]),
      recurrent: tf.tensor2d(uniformArray(rng, hidden * 4 * hidden, limit), [hidden, 4 * hidden]),
      bias: tf.tensor1d(bias),
    }
    inputs = hidden
    return layer
  })
  const head: HeadWeights = new Map()
  headsOfConfig(config).forEach((h, i) => {
    for (const [name, tensor] of h.init(config, inputs, (seed ^ Math.imul(i + 1, 0x5bd1e995)) >>> 0, keyRate)) head.set(name, tensor)
  })
  return { layers, head }
}

/** Frees every weight tensor. */
export function disposeWeights(weights: NetworkWeights): void {
  tf.dispose([...namedWeights(weights).values()])
}
