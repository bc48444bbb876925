import * as tf from '../tf.ts'
import type { ModelConfig } from '../config.ts'
import { Rng, uniformArray } from '../rng.ts'
import type { FrameDistribution, HeadLoss, HeadWeights, OutputHead } from './head.ts'
import { KEYS } from '../../shared/music/constants.ts'

const KERNEL = 'output/kernel'
const BIAS = 'output/bias'

/** Binary cross-entropy from logits, summed over keys: [rows, keys] -> [rows]. Numerically stable form. */
export function bceSummed(logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const perKey = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, targets)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))))
    return tf.sum(perKey, 1) as tf.Tensor1D
  })
}

function logits(weights: HeadWeights, x: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.matMul(x, weights.get(KERNEL) as tf.Tensor2D), weights.get(BIAS) as tf.Tensor1D)
}

/** The independent head of NeuralPiano: one dense layer to 88 sigmoids, every key drawn on its own. */
export const independentHead: OutputHead = {
  name: 'independent',

  shapes(config: ModelConfig, hidden: number) {
    return new Map([
      [KERNEL, [hidden, config.inputKeys]],
      [BIAS, [config.inputKeys]],
    ])
  },

  init(config, hidden, seed, keyRate) {
    const limit = Math.sqrt(6 / (hidden + config.inputKeys))
    return new Map<string, tf.Tensor>([
      [KERNEL, tf.tensor2d(uniformArray(new Rng(seed), hidden * config.inputKeys, limit), [hidden, config.inputKeys])],
      // The log-odds of a key sounding, so that the first updates are not spent learning that most keys are silent.
      [BIAS, tf.fill([config.inputKeys], Math.log(keyRate / (1 - keyRate)))],
    ])
  },

  nll(weights, x, targets) {
    return tf.tidy(() => bceSummed(logits(weights, x), targets))
  },

  lossAndGradients(weights, x, targets, rowWeights): HeadLoss {
    return tf.tidy(() => {
      const z = logits(weights, x)
      const loss = tf.sum(tf.mul(tf.reshape(bceSummed(z, targets), [-1, 1]), rowWeights)) as tf.Scalar
      const dz = tf.mul(tf.sub(tf.sigmoid(z), targets), rowWeights) as tf.Tensor2D
      return {
        loss,
        grads: { [KERNEL]: tf.matMul(x, dz, true, false), [BIAS]: tf.sum(dz, 0) },
        dx: tf.matMul(dz, weights.get(KERNEL) as tf.Tensor2D, false, true) as tf.Tensor2D,
      }
    })
  },

  stepParams(weights, x) {
    return tf.tidy(() => logits(weights, x))
  },

  async distribution(): Promise<FrameDistribution> {
    return {
      width: KEYS,
      draw(params, offset, decide) {
        const on: number[] = []
        for (let key = 0; key < KEYS; key++) if (decide(key, params[offset + key] as number)) on.push(key)
        return on
      },
    }
  },
}
