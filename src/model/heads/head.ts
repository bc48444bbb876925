import type * as tf from '../tf.ts'
import type { HeadName, ModelConfig } from '../config.ts'

/** A head's weights by checkpoint name (e.g. 'output/kernel', 'nade/inputKernel'). */
export type HeadWeights = Map<string, tf.Tensor>

/** What training needs from a head for one block. */
export interface HeadLoss {
  /** Mean NLL over the scored rows (nats per frame, summed over keys): a scalar. */
  loss: tf.Scalar
  /** Gradients of the head's weights, by name. */
  grads: Record<string, tf.Tensor>
  /** Gradient with respect to the trunk's output x, [rows, hidden]. */
  dx: tf.Tensor2D
}

/**
 * Draws one frame key by key, low to high. For each key the head gives the logit of "this key sounds"
 * given the keys decided before it (the independent head ignores them), and `decide` answers whether it
 * sounds (temperature, allowed keys and the random draw are the sampler's business).
 */
export interface FrameDistribution {
  /** The parameter count per lane and step (the width of what stepParams returns). */
  readonly width: number
  /** Decides keys 0..87 in order from one lane's parameters at `offset`; returns the sounding keys. */
  draw(params: Float32Array, offset: number, decide: (key: number, logit: number) => boolean): number[]
}

/**
 * An output layer on the LSTM trunk: evaluation, training and generation use it through this interface
 * and never branch on which head it is.
 */
export interface OutputHead {
  /** Its name in config.heads. */
  readonly name: HeadName
  /** Its weights' names and shapes, given the trunk's output width. */
  shapes(config: ModelConfig, hidden: number): Map<string, number[]>
  /** Fresh weights (trunk output width `hidden`; keyRate: how often a key sounds in the data). */
  init(config: ModelConfig, hidden: number, seed: number, keyRate: number): HeadWeights
  /** NLL of each row's target frame given the trunk output: x [rows, hidden], targets [rows, keys] -> [rows]. */
  nll(weights: HeadWeights, x: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor1D
  /**
   * The loss (rows weighted by `rowWeights` [rows,1], e.g. scored/count, so that the loss is a mean over
   * scored rows), its gradients, and the gradient flowing back into the trunk.
   */
  lossAndGradients(weights: HeadWeights, x: tf.Tensor2D, targets: tf.Tensor2D, rowWeights: tf.Tensor2D): HeadLoss
  /** Per-row parameters the sampler needs: [rows, width] (logits for the independent head). */
  stepParams(weights: HeadWeights, x: tf.Tensor2D): tf.Tensor2D
  /** The JS-side sampler (copies the few weights it needs out of the tensors once; asynchronously, as WebGPU reads). */
  distribution(weights: HeadWeights): Promise<FrameDistribution>
}
