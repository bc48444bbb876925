import * as tf from '../tf.ts'
import type { ModelConfig } from '../config.ts'
import { Rng, uniformArray } from '../rng.ts'
import type { FrameDistribution, HeadLoss, HeadWeights, OutputHead } from './head.ts'

/**
 * The chord-aware head of RNN-NADE (Boulanger-Lewandowski, Bengio & Vincent, ICML 2012): the keys of a
 * frame are drawn low to high, key d with
 *   p(v_d = 1 | v_<d) = sigmoid(b_v[d] + V[d] . sigmoid(b_h + sum_{k<d} v_k W[k])),
 * where the LSTM sets the biases at every frame (b_v = x U_v + c_v, b_h = x U_h + c_h) and W, V are
 * shared. The exact NLL of a frame is the sum of the 88 conditionals' cross-entropies; all 88 hidden
 * pre-activations come from one exclusive cumulative sum over the keys, so training and evaluation
 * are a handful of batched ops, not 88 sequential steps.
 */
export const NADE_NAMES = {
  visibleKernel: 'nade/visibleKernel',
  visibleBias: 'nade/visibleBias',
  hiddenKernel: 'nade/hiddenKernel',
  hiddenBias: 'nade/hiddenBias',
  /** W, stored [keys, nadeHidden]: row k is what key k adds to the hidden pre-activations of the keys above it. */
  inputKernel: 'nade/inputKernel',
  /** V, [keys, nadeHidden]: row d reads the hidden units for key d. */
  outputKernel: 'nade/outputKernel',
} as const

const N = NADE_NAMES

/** The default hidden size: the reference measurement's (150 units, about 0.27 M weights on a 1024-unit trunk). */
export const DEFAULT_NADE_HIDDEN = 150

function hiddenOf(config: ModelConfig): number {
  return config.nadeHidden ?? DEFAULT_NADE_HIDDEN
}

interface Forward {
  /** Conditional logits of every key, [rows, keys]. */
  logits: tf.Tensor2D
  /** The hidden units seen by each key, [rows, keys, nadeHidden]. */
  hidden: tf.Tensor3D
  /** b_v [rows, keys] and b_h [rows, nadeHidden]. */
  bv: tf.Tensor2D
  bh: tf.Tensor2D
}

function biases(weights: HeadWeights, x: tf.Tensor2D): { bv: tf.Tensor2D; bh: tf.Tensor2D } {
  const get = (name: string): tf.Tensor => weights.get(name) as tf.Tensor
  return {
    bv: tf.add(tf.matMul(x, get(N.visibleKernel) as tf.Tensor2D), get(N.visibleBias)),
    bh: tf.add(tf.matMul(x, get(N.hiddenKernel) as tf.Tensor2D), get(N.hiddenBias)),
  }
}

function forward(weights: HeadWeights, x: tf.Tensor2D, targets: tf.Tensor2D): Forward {
  const { bv, bh } = biases(weights, x)
  const inputKernel = weights.get(N.inputKernel) as tf.Tensor2D
  const outputKernel = weights.get(N.outputKernel) as tf.Tensor2D
  const [rows, keys] = targets.shape
  const units = inputKernel.shape[1]
  // contributions[n, k, :] = v[n, k] W[k]; an exclusive cumsum over k gives sum_{k<d} v_k W[k] for every d.
  const contributions = tf.mul(tf.reshape(targets, [rows, keys, 1]), tf.reshape(inputKernel, [1, keys, units]))
  const preactivations = tf.add(tf.cumsum(contributions, 1, true), tf.reshape(bh, [rows, 1, units]))
  const hidden = tf.sigmoid(preactivations) as tf.Tensor3D
  const logits = tf.add(bv, tf.sum(tf.mul(hidden, tf.reshape(outputKernel, [1, keys, units])), 2)) as tf.Tensor2D
  return { logits, hidden, bv, bh }
}

function crossEntropy(logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor1D {
  const perKey = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, targets)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))))
  return tf.sum(perKey, 1) as tf.Tensor1D
}

/** The NADE head (see NADE_NAMES for its weights). */
export const nadeHead: OutputHead = {
  name: 'nade',

  shapes(config, hidden) {
    const keys = config.inputKeys
    const units = hiddenOf(config)
    return new Map([
      [N.visibleKernel, [hidden, keys]],
      [N.visibleBias, [keys]],
      [N.hiddenKernel, [hidden, units]],
      [N.hiddenBias, [units]],
      [N.inputKernel, [keys, units]],
      [N.outputKernel, [keys, units]],
    ])
  },

  init(config, hidden, seed, keyRate) {
    const keys = config.inputKeys
    const units = hiddenOf(config)
    const rng = new Rng(seed)
    const dense = Math.sqrt(6 / (hidden + keys))
    const nade = Math.sqrt(6 / (keys + units))
    return new Map<string, tf.Tensor>([
      [N.visibleKernel, tf.tensor2d(uniformArray(rng, hidden * keys, dense), [hidden, keys])],
      [N.visibleBias, tf.fill([keys], Math.log(keyRate / (1 - keyRate)))],
      [N.hiddenKernel, tf.tensor2d(uniformArray(rng, hidden * units, Math.sqrt(6 / (hidden + units))), [hidden, units])],
      [N.hiddenBias, tf.zeros([units])],
      [N.inputKernel, tf.tensor2d(uniformArray(rng, keys * units, nade), [keys, units])],
      [N.outputKernel, tf.tensor2d(uniformArray(rng, keys * units, nade), [keys, units])],
    ])
  },

  nll(weights, x, targets) {
    return tf.tidy(() => crossEntropy(forward(weights, x, targets).logits, targets))
  },

  lossAndGradients(weights, x, targets, rowWeights): HeadLoss {
    return tf.tidy(() => {
      const [rows, keys] = targets.shape
      const { logits, hidden } = forward(weights, x, targets)
      const units = hidden.shape[2]
      const loss = tf.sum(tf.mul(tf.reshape(crossEntropy(logits, targets), [-1, 1]), rowWeights)) as tf.Scalar
      const dLogits = tf.mul(tf.sub(tf.sigmoid(logits), targets), rowWeights) as tf.Tensor2D
      const dLogits3 = tf.reshape(dLogits, [rows, keys, 1])
      const outputKernel = weights.get(N.outputKernel) as tf.Tensor2D
      // d/dV[d] = sum_n dlogit[n,d] h[n,d];  d/dA = dlogit V h (1 - h)
      const dOutputKernel = tf.sum(tf.mul(dLogits3, hidden), 0)
      const dPre = tf.mul(tf.mul(dLogits3, tf.reshape(outputKernel, [1, keys, units])), tf.mul(hidden, tf.sub(1, hidden)))
      const dBh = tf.sum(dPre, 1) as tf.Tensor2D
      // Key k feeds every key above it: its gradient sums dA over d > k (a reversed exclusive cumsum).
      const above = tf.cumsum(dPre, 1, true, true)
      const dInputKernel = tf.sum(tf.mul(tf.reshape(targets, [rows, keys, 1]), above), 0)
      const visibleKernel = weights.get(N.visibleKernel) as tf.Tensor2D
      const hiddenKernel = weights.get(N.hiddenKernel) as tf.Tensor2D
      return {
        loss,
        grads: {
          [N.visibleKernel]: tf.matMul(x, dLogits, true, false),
          [N.visibleBias]: tf.sum(dLogits, 0),
          [N.hiddenKernel]: tf.matMul(x, dBh, true, false),
          [N.hiddenBias]: tf.sum(dBh, 0),
          [N.inputKernel]: dInputKernel,
          [N.outputKernel]: dOutputKernel,
        },
        dx: tf.add(tf.matMul(dLogits, visibleKernel, false, true), tf.matMul(dBh, hiddenKernel, false, true)) as tf.Tensor2D,
      }
    })
  },

  stepParams(weights, x) {
    return tf.tidy(() => {
      const { bv, bh } = biases(weights, x)
      return tf.concat([bv, bh], 1) as tf.Tensor2D
    })
  },

  async distribution(weights): Promise<FrameDistribution> {
    const w = (await (weights.get(N.inputKernel) as tf.Tensor2D).data()) as Float32Array
    const v = (await (weights.get(N.outputKernel) as tf.Tensor2D).data()) as Float32Array
    const [keys, units] = (weights.get(N.inputKernel) as tf.Tensor2D).shape
    const pre = new Float32Array(units)
    const act = new Float32Array(units)
    return {
      width: keys + units,
      draw(params, offset, decide) {
        for (let j = 0; j < units; j++) {
          pre[j] = params[offset + keys + j] as number
          act[j] = 1 / (1 + Math.exp(-(pre[j] as number)))
        }
        const on: number[] = []
        for (let d = 0; d < keys; d++) {
          let logit = params[offset + d] as number
          const row = d * units
          for (let j = 0; j < units; j++) logit += (v[row + j] as number) * (act[j] as number)
          if (!decide(d, logit)) continue
          on.push(d)
          // Only a sounding key changes what the keys above it see.
          for (let j = 0; j < units; j++) {
            pre[j] = (pre[j] as number) + (w[row + j] as number)
            act[j] = 1 / (1 + Math.exp(-(pre[j] as number)))
          }
        }
        return on
      },
    }
  },
}
