import * as tf from '../model/tf.ts'
import type { LstmWeights, NetworkWeights } from '../model/weights.ts'
import { cell, projectInputs, resetLanes, type LayerState } from '../model/lstm.ts'
import type { OutputHead } from '../model/heads/index.ts'

/** One training block: `steps` time steps of `batch` lanes, time-major rows (t*batch + b). */
export interface TrainBlock {
  /** [steps*batch, keys] input frames. */
  inputs: tf.Tensor2D
  /** [steps*batch, keys] the frames to predict (the next frame of each input). */
  targets: tf.Tensor2D
  /** [steps*batch, 1]: 1 where the row is scored, 0 for padding. */
  scored: tf.Tensor2D
  /** Number of scored rows (the loss is their mean). */
  scoredCount: number
  /** Per step: [batch,1] 0/1 mask zeroing lanes whose sequence starts there, or null when none does. */
  keep: (tf.Tensor2D | null)[]
  /** Lanes. */
  batch: number
  /** Time steps. */
  steps: number
}

/** What backpropagation needs from one forward step. */
interface StepCache {
  hPrev: tf.Tensor2D
  cPrev: tf.Tensor2D
  i: tf.Tensor2D
  f: tf.Tensor2D
  o: tf.Tensor2D
  g: tf.Tensor2D
  tc: tf.Tensor2D
}

interface LayerRun {
  outputs: tf.Tensor2D
  hPrevAll: tf.Tensor2D
  cache: StepCache[]
  final: LayerState
}

function forwardLayer(layer: LstmWeights, input: tf.Tensor2D, state: LayerState, keep: (tf.Tensor2D | null)[]): LayerRun {
  const projected = projectInputs(layer, input)
  const [rows, width] = projected.shape
  const batch = state.h.shape[0]
  const steps = rows / batch
  const cache: StepCache[] = []
  const hs: tf.Tensor2D[] = []
  let { h, c } = state
  for (let t = 0; t < steps; t++) {
    const step = tf.tidy(() => {
      const s = resetLanes({ h, c }, keep[t] ?? null)
      const z = tf.add(tf.slice(projected, [t * batch, 0], [batch, width]), tf.matMul(s.h, layer.recurrent)) as tf.Tensor2D
      const out = cell(z, s.c)
      return { hPrev: s.h, cPrev: s.c, i: out.i, f: out.f, o: out.o, g: out.g, tc: out.tc, h: out.h, c: out.c }
    })
    cache.push(step)
    h = step.h
    c = step.c
    hs.push(h)
  }
  projected.dispose()
  return {
    outputs: tf.concat(hs, 0),
    hPrevAll: tf.concat(
      cache.map((s) => s.hPrev),
      0,
    ),
    cache,
    final: { h, c },
  }
}

interface LayerGrads {
  kernel: tf.Tensor
  recurrent: tf.Tensor
  bias: tf.Tensor1D
  input: tf.Tensor2D | null
}

/**
 * Backpropagation through time for one layer, by hand: per step only elementwise ops and one matMul
 * with the pre-transposed recurrent kernel (transposed matMuls are ~15x slower on wasm); the weight
 * gradients of all steps are then three large matMuls over the stacked gate gradients.
 */
function backwardLayer(
  layer: LstmWeights,
  run: LayerRun,
  input: tf.Tensor2D,
  dOutputs: tf.Tensor2D,
  keep: (tf.Tensor2D | null)[],
  wantInput: boolean,
): LayerGrads {
  const [batch, hidden] = run.final.h.shape
  const steps = run.cache.length
  const recurrentT = tf.transpose(layer.recurrent)
  const dzs: tf.Tensor2D[] = new Array(steps)
  let dhRec: tf.Tensor2D | null = null
  let dcNext: tf.Tensor2D | null = null
  for (let t = steps - 1; t >= 0; t--) {
    const s = run.cache[t] as StepCache
    const carriedH: tf.Tensor2D | null = dhRec
    const carriedC: tf.Tensor2D | null = dcNext
    const r = tf.tidy(() => {
      let dh: tf.Tensor2D = tf.slice(dOutputs, [t * batch, 0], [batch, hidden])
      if (carriedH) dh = tf.add(dh, carriedH)
      const dO = tf.mul(dh, s.tc)
      let dc: tf.Tensor2D = tf.mul(tf.mul(dh, s.o), tf.sub(1, tf.square(s.tc)))
      if (carriedC) dc = tf.add(dc, carriedC)
      const dz: tf.Tensor2D = tf.concat(
        [
          tf.mul(tf.mul(dc, s.g), tf.mul(s.i, tf.sub(1, s.i))),
          tf.mul(tf.mul(dc, s.cPrev), tf.mul(s.f, tf.sub(1, s.f))),
          tf.mul(dO, tf.mul(s.o, tf.sub(1, s.o))),
          tf.mul(tf.mul(dc, s.i), tf.sub(1, tf.square(s.g))),
        ],
        1,
      )
      let dhPrev: tf.Tensor2D = tf.matMul(dz, recurrentT)
      let dcPrev: tf.Tensor2D = tf.mul(dc, s.f)
      const k = keep[t]
      if (k) {
        dhPrev = tf.mul(dhPrev, k)
        dcPrev = tf.mul(dcPrev, k)
      }
      return { dz, dhPrev, dcPrev }
    })
    tf.dispose([carriedH, carriedC].filter((x): x is tf.Tensor2D => x !== null))
    dzs[t] = r.dz
    dhRec = r.dhPrev
    dcNext = r.dcPrev
  }
  tf.dispose([dhRec, dcNext, recurrentT].filter((x): x is tf.Tensor2D => x !== null))
  const dZ = tf.concat(dzs, 0)
  tf.dispose(dzs)
  const grads = tf.tidy(() => ({
    kernel: tf.matMul(tf.transpose(input), dZ),
    recurrent: tf.matMul(tf.transpose(run.hPrevAll), dZ),
    bias: tf.sum(dZ, 0) as tf.Tensor1D,
  }))
  const inputGrad = wantInput ? tf.tidy((): tf.Tensor2D => tf.matMul(dZ, tf.transpose(layer.kernel))) : null
  dZ.dispose()
  return { ...grads, input: inputGrad }
}

/** Loss, gradients by weight name, and the final states (detached; the next block starts from them). */
export interface StepResult {
  /** Mean over scored rows of the NLL (nats per frame), summed over the heads: a scalar. */
  loss: tf.Scalar
  /** The same per head. */
  headLosses: Record<string, tf.Scalar>
  /** Gradients, keyed like weightNames(). */
  grads: Map<string, tf.Tensor>
  /** The state after the block, per layer. */
  states: LayerState[]
}

/**
 * Forward and backward over one block. `masks[l]` (inverted dropout multipliers, [steps*batch, hidden])
 * applies to layer l's outputs: between layers and, for the last layer, before the dense output.
 * Everything else it allocates is freed before it returns.
 */
export function lossAndGradients(
  weights: NetworkWeights,
  block: TrainBlock,
  states: LayerState[],
  masks: (tf.Tensor2D | null)[],
  heads: OutputHead[],
): StepResult {
  const kept = tf.tidy(() => {
    const runs: LayerRun[] = []
    const layerInputs: tf.Tensor2D[] = []
    let x = block.inputs
    weights.layers.forEach((layer, l) => {
      layerInputs.push(x)
      const run = forwardLayer(layer, x, states[l] as LayerState, block.keep)
      runs.push(run)
      const mask = masks[l]
      x = mask ? tf.mul(run.outputs, mask) : run.outputs
    })
    // Every head reads the same trunk output; their losses add up and so do their gradients into it.
    const rowWeights = tf.div(block.scored, block.scoredCount) as tf.Tensor2D
    const grads: Record<string, tf.Tensor> = {}
    const headLosses: Record<string, tf.Scalar> = {}
    let dOut: tf.Tensor2D | null = null
    for (const head of heads) {
      const h = head.lossAndGradients(weights.head, x, block.targets, rowWeights)
      headLosses[head.name] = h.loss
      Object.assign(grads, h.grads)
      dOut = dOut ? (tf.add(dOut, h.dx) as tf.Tensor2D) : h.dx
    }
    const loss = tf.addN(Object.values(headLosses)) as tf.Scalar
    if (!dOut) throw new Error('the network has no output head')
    for (let l = weights.layers.length - 1; l >= 0; l--) {
      const mask = masks[l]
      if (mask) dOut = tf.mul(dOut, mask)
      const g = backwardLayer(weights.layers[l] as LstmWeights, runs[l] as LayerRun, layerInputs[l] as tf.Tensor2D, dOut, block.keep, l > 0)
      grads[`lstm${l}/kernel`] = g.kernel
      grads[`lstm${l}/recurrent`] = g.recurrent
      grads[`lstm${l}/bias`] = g.bias
      if (g.input) dOut = g.input
    }
    const finals = runs.map((r) => ({ h: r.final.h, c: r.final.c }))
    return { loss, headLosses, grads, finals }
  })
  return { loss: kept.loss, headLosses: kept.headLosses, grads: new Map(Object.entries(kept.grads)), states: kept.finals }
}
