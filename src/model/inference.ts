import * as tf from './tf.ts'
import type { HeadName, ModelConfig } from './config.ts'
import { headOf, type FrameDistribution, type OutputHead } from './heads/index.ts'
import { loadCheckpoint } from './checkpoint.ts'
import type { LayerState } from './lstm.ts'
import { disposeStates, forwardBlock, zeroStates } from './network.ts'
import { disposeWeights, type NetworkWeights } from './weights.ts'

/** The recurrent state of every layer for `batch` lanes; free it with disposeState. */
export type ModelState = LayerState[]

/** Frees a state returned by initialState, step or prime. */
export function disposeState(state: ModelState): void {
  disposeStates(state)
}

/**
 * A trained network for generation: load, prime on the selected bars, then step all variations as one
 * batch. Every method returns fresh tensors that the caller owns and leaves its arguments alone.
 */
export class LstmModel {
  private weights: NetworkWeights | null

  /** Wraps weights (the model owns them from now on). */
  constructor(
    /** Architecture, resolution and model card. */
    readonly config: ModelConfig,
    weights: NetworkWeights,
  ) {
    this.weights = weights
  }

  /** Loads a checkpoint folder (config.json + model.json + shards). */
  static load(dir: string): LstmModel {
    const { config, weights } = loadCheckpoint(dir)
    return new LstmModel(config, weights)
  }

  /** True until dispose(). */
  isInitialized(): boolean {
    return this.weights !== null
  }

  private get w(): NetworkWeights {
    if (!this.weights) throw new Error('the model has been disposed')
    return this.weights
  }

  /** A zero state for `batch` lanes (batch = number of variations). */
  initialState(batch: number): ModelState {
    return zeroStates(this.w, batch)
  }

  /** The output layer `name` (default: the checkpoint's first); throws when the model has no such head. */
  head(name?: HeadName): OutputHead {
    return headOf(this.config, name)
  }

  /**
   * One step: frames [B,88] of 0/1 -> the head's parameters for the next frame ([B, width]: logits for
   * the independent head) and the next state.
   */
  step(state: ModelState, frames: tf.Tensor2D, head: OutputHead = this.head()): { params: tf.Tensor2D; state: ModelState } {
    return this.run(frames, state, head)
  }

  /**
   * Runs a whole primer [T,88] through the network for one lane (each layer's input projection is one
   * hoisted matMul): returns the head's parameters [T, width] (row t predicts frame t+1) and the state after the last frame.
   * `state` defaults to a fresh zero state; use tileState to copy the result to every variation.
   */
  prime(frames: tf.Tensor2D, state?: ModelState, head: OutputHead = this.head()): { params: tf.Tensor2D; state: ModelState } {
    const start = state ?? this.initialState(1)
    const result = this.run(frames, start, head)
    if (!state) disposeStates(start)
    return result
  }

  /**
   * The head's parameters for every frame of `batch` sequences run side by side from a fresh state:
   * `frames` is time-major ([T*batch, 88], row t*batch + b) and row t*batch + b of the result predicts
   * frame t+1 of sequence b.
   */
  paramsOf(frames: tf.Tensor2D, batch: number, head: OutputHead = this.head()): tf.Tensor2D {
    const start = this.initialState(batch)
    const result = this.run(frames, start, head)
    disposeStates(start)
    disposeStates(result.state)
    return result.params
  }

  /** Copies a one-lane state to `lanes` lanes (prime once, then sample many variations). */
  tileState(state: ModelState, lanes: number): ModelState {
    return tf.tidy(() => state.map((s) => ({ h: tf.tile(s.h, [lanes, 1]) as tf.Tensor2D, c: tf.tile(s.c, [lanes, 1]) as tf.Tensor2D })))
  }

  private run(frames: tf.Tensor2D, state: ModelState, head: OutputHead): { params: tf.Tensor2D; state: ModelState } {
    const weights = this.w
    const kept = tf.tidy(() => {
      const out = forwardBlock(weights, frames, state)
      return { params: head.stepParams(weights.head, out.top), states: out.states.map((s) => ({ h: s.h, c: s.c })) }
    })
    return { params: kept.params, state: kept.states }
  }

  /** The JS-side sampler of a head (see FrameDistribution). */
  distribution(head: OutputHead = this.head()): Promise<FrameDistribution> {
    return head.distribution(this.w.head)
  }

  /** Frees the weights; the model cannot be used afterwards. */
  dispose(): void {
    if (this.weights) disposeWeights(this.weights)
    this.weights = null
  }
}
