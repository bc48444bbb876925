import * as tf from '@tensorflow/tfjs'
import { disposeWeights, type NetworkWeights } from '../model/weights.ts'
import { disposeStates, forwardBlock, zeroStates } from '../model/network.ts'
import type { LayerState } from '../model/lstm.ts'
import type { GenerationSession, StepModel } from './stepModel.ts'

const KEYS = 88

/**
 * The trained LSTM as a StepModel. Priming runs the primer once at batch 1 (one hoisted input
 * projection per layer for all its frames) and then copies the state to every lane, so priming costs
 * the same for 1 or 8 variations; each later step is one batched matMul per layer for all lanes.
 */
export class TfStepModel implements StepModel {
  /** Wraps loaded weights; the model owns and later disposes them. */
  constructor(
    private readonly weights: NetworkWeights,
    readonly stepsPerQuarter: number,
  ) {}

  /** A fresh recurrent state for `lanes` lanes. */
  startSession(lanes: number): GenerationSession {
    const weights = this.weights
    let states: LayerState[] | undefined
    const run = (input: Float32Array, rows: number, batch: number): Float32Array => {
      const before = states ?? zeroStates(weights, batch)
      const inputs = tf.tensor2d(input, [rows * batch, KEYS])
      // tidy keeps what forwardBlock returns (logits and states) and frees every intermediate.
      const kept = tf.tidy(() => {
        const result = forwardBlock(weights, inputs, before)
        return [result.logits, ...result.states.flatMap((state) => [state.h, state.c])]
      })
      const out = { logits: kept[0] as tf.Tensor2D, states: before.map((_, l) => ({ h: kept[1 + 2 * l] as tf.Tensor2D, c: kept[2 + 2 * l] as tf.Tensor2D })) }
      inputs.dispose()
      disposeStates(before)
      states = out.states
      const last = tf.tidy(() => out.logits.slice([(rows - 1) * batch, 0], [batch, KEYS]))
      out.logits.dispose()
      const values = last.dataSync() as Float32Array
      last.dispose()
      return values
    }
    return {
      prime(frames, count) {
        // A piece's first frame is predicted from an empty frame fed to the zero state.
        const primed = count > 0 ? run(frames, count, 1) : run(new Float32Array(KEYS), 1, 1)
        const single = states!
        states = single.map((s) => ({ h: tf.tile(s.h, [lanes, 1]), c: tf.tile(s.c, [lanes, 1]) }))
        disposeStates(single)
        const logits = new Float32Array(lanes * KEYS)
        for (let lane = 0; lane < lanes; lane++) logits.set(primed, lane * KEYS)
        return logits
      },
      step(input) {
        return run(input, 1, lanes)
      },
      dispose() {
        if (states) disposeStates(states)
        states = undefined
      },
    }
  }

  /** Frees the weights. */
  dispose(): void {
    disposeWeights(this.weights)
  }
}
