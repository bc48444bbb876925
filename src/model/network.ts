import * as tf from './tf.ts'
import type { NetworkWeights } from './weights.ts'
import { projectInputs, runLayer, type LayerState } from './lstm.ts'

/** Zero state for every layer, `batch` lanes wide. */
export function zeroStates(weights: NetworkWeights, batch: number): LayerState[] {
  return weights.layers.map((layer) => {
    const hidden = layer.recurrent.shape[0]
    return { h: tf.zeros([batch, hidden]), c: tf.zeros([batch, hidden]) }
  })
}

/** Frees a list of layer states. */
export function disposeStates(states: LayerState[]): void {
  for (const s of states) tf.dispose([s.h, s.c])
}

/**
 * Inference and evaluation forward pass over a time-major block (`inputs` is [steps*batch, keys], row
 * t*batch + b): each layer's input projection is one hoisted matMul, then one matMul per step.
 * `keep[t]` ([batch,1] of 0/1, or null) resets lanes whose sequence starts at step t.
 * `masks[l]` multiplies layer l's outputs (dropout; training only, used to check the hand-written gradients).
 * Returns the top layer's outputs [steps*batch, hidden] (what the output heads read) and the new states;
 * the caller keeps ownership of `states`.
 */
export function forwardBlock(
  weights: NetworkWeights,
  inputs: tf.Tensor2D,
  states: LayerState[],
  keep: (tf.Tensor2D | null)[] = [],
  masks: (tf.Tensor2D | null)[] = [],
): { top: tf.Tensor2D; states: LayerState[] } {
  const next: LayerState[] = []
  let x = inputs
  weights.layers.forEach((layer, l) => {
    const projected = projectInputs(layer, x)
    const run = runLayer(layer, projected, states[l] as LayerState, keep)
    projected.dispose()
    if (x !== inputs) x.dispose()
    const mask = masks[l]
    x = mask ? tf.tidy(() => tf.mul(run.outputs, mask)) : run.outputs
    if (mask) run.outputs.dispose()
    next.push(run.state)
  })
  return { top: x === inputs ? tf.clone(x) : x, states: next }
}
