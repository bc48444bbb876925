import * as tf from './tf.ts'
import type { LstmWeights } from './weights.ts'

/** The recurrent state of one layer: [batch, hidden] each. */
export interface LayerState {
  /** Hidden output h. */
  h: tf.Tensor2D
  /** Cell c. */
  c: tf.Tensor2D
}

/** Everything one cell step computes; training keeps it for backpropagation. */
export interface CellOutputs {
  /** Input, forget, output gates (sigmoid) and candidate g (tanh), [batch, hidden] each. */
  i: tf.Tensor2D
  f: tf.Tensor2D
  o: tf.Tensor2D
  g: tf.Tensor2D
  /** New cell, its tanh, and the new hidden output. */
  c: tf.Tensor2D
  tc: tf.Tensor2D
  h: tf.Tensor2D
}

/**
 * tanh(x) = 2 sigmoid(2x) - 1: the same function, but wasm's tanh is ~8x slower than its sigmoid,
 * so three cheap ops beat one slow one.
 */
export function fastTanh<T extends tf.Tensor>(x: T): T {
  return tf.sub(tf.mul(tf.sigmoid(tf.mul(x, 2)), 2), 1)
}

/** One LSTM cell step from the pre-activations z = x W + h R + b ([batch, 4*hidden], gates i,f,o,g). */
export function cell(z: tf.Tensor2D, cPrev: tf.Tensor2D): CellOutputs {
  const [batch, width] = z.shape
  const hidden = width / 4
  // One sigmoid over the three contiguous sigmoid gates, then cheap slices: fewer ops per step.
  const ifo: tf.Tensor2D = tf.sigmoid(tf.slice(z, [0, 0], [batch, 3 * hidden]))
  const i: tf.Tensor2D = tf.slice(ifo, [0, 0], [batch, hidden])
  const f: tf.Tensor2D = tf.slice(ifo, [0, hidden], [batch, hidden])
  const o: tf.Tensor2D = tf.slice(ifo, [0, 2 * hidden], [batch, hidden])
  const g: tf.Tensor2D = fastTanh(tf.slice(z, [0, 3 * hidden], [batch, hidden]))
  const c: tf.Tensor2D = tf.add(tf.mul(f, cPrev), tf.mul(i, g))
  const tc: tf.Tensor2D = fastTanh(c)
  const h: tf.Tensor2D = tf.mul(o, tc)
  return { i, f, o, g, c, tc, h }
}

/** The input projection of all time steps as one large matMul: [rows, in] -> [rows, 4*hidden]. */
export function projectInputs(layer: LstmWeights, inputs: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(inputs, layer.kernel), layer.bias))
}

/** Zeroes the state of the lanes whose sequence starts at this step (keep is [batch,1] of 0/1). */
export function resetLanes(state: LayerState, keep: tf.Tensor2D | null): LayerState {
  if (!keep) return state
  return { h: tf.mul(state.h, keep), c: tf.mul(state.c, keep) }
}

/**
 * Runs one layer over a time-major block: `projected` is [steps*batch, 4*hidden] (row t*batch + b).
 * Returns the hidden outputs [steps*batch, hidden] and the final state; the caller keeps ownership of
 * `state`. Differentiable (tf.grad can trace it), which is how the hand-written backward pass is checked.
 */
export function runLayer(
  layer: LstmWeights,
  projected: tf.Tensor2D,
  state: LayerState,
  keep: (tf.Tensor2D | null)[] = [],
): { outputs: tf.Tensor2D; state: LayerState } {
  const batch = state.h.shape[0]
  const width = projected.shape[1]
  const steps = projected.shape[0] / batch
  const hs: tf.Tensor2D[] = []
  let { h, c } = state
  for (let t = 0; t < steps; t++) {
    const next = tf.tidy(() => {
      const s = resetLanes({ h, c }, keep[t] ?? null)
      const z = tf.add(tf.slice(projected, [t * batch, 0], [batch, width]), tf.matMul(s.h, layer.recurrent)) as tf.Tensor2D
      const out = cell(z, s.c)
      return { h: out.h, c: out.c }
    })
    // Per-step tidy frees the gates at once; the previous cell is ours to free unless it is the caller's.
    if (t > 0) c.dispose()
    h = next.h
    c = next.c
    hs.push(h)
  }
  const outputs = tf.concat(hs, 0)
  const last = hs.pop() ?? tf.clone(state.h)
  tf.dispose(hs)
  return { outputs, state: { h: last, c: steps > 0 ? c : tf.clone(state.c) } }
}
