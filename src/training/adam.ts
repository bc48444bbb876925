import * as tf from '../model/tf.ts'

/** Adam's hyperparameters. */
export interface AdamOptions {
  /** First-moment decay. */
  beta1: number
  /** Second-moment decay. */
  beta2: number
  /** Denominator floor. */
  epsilon: number
  /** Gradients are scaled down so their global L2 norm is at most this (0 = no clipping). */
  clipNorm: number
}

const defaults: AdamOptions = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, clipNorm: 5 }

/**
 * Adam with global-norm gradient clipping over plain tensors keyed by weight name. Written here rather
 * than tf.train.adam so that its moments are ordinary named tensors that the resume files can store.
 */
export class Adam {
  /** Hyperparameters. */
  readonly options: AdamOptions
  /** First moments by weight name. */
  readonly m = new Map<string, tf.Tensor>()
  /** Second moments by weight name. */
  readonly v = new Map<string, tf.Tensor>()
  /** Updates applied so far (for bias correction). */
  step = 0

  /** Starts with zero moments. */
  constructor(options: Partial<AdamOptions> = {}) {
    this.options = { ...defaults, ...options }
  }

  /**
   * Applies one update at learning rate `lr`: returns the new weights (the old ones and `grads` are
   * disposed) and the gradient norm before clipping.
   */
  async apply(
    params: Map<string, tf.Tensor>,
    grads: Map<string, tf.Tensor>,
    lr: number,
  ): Promise<{ params: Map<string, tf.Tensor>; gradNorm: number }> {
    const { beta1, beta2, epsilon, clipNorm } = this.options
    // Added one at a time: one addN over every weight needs an input buffer each, more than a WebGPU
    // device allows in one shader by default (8).
    const normTensor = tf.tidy(() => tf.sqrt([...grads.values()].map((g) => tf.sum(tf.square(g))).reduce((a, b) => tf.add(a, b))))
    // Read asynchronously: the WebGPU backend cannot read a tensor synchronously under Node.
    const gradNorm = (await normTensor.data())[0] as number
    normTensor.dispose()
    const scale = clipNorm > 0 && gradNorm > clipNorm ? clipNorm / gradNorm : 1
    this.step++
    const stepSize = (lr * Math.sqrt(1 - beta2 ** this.step)) / (1 - beta1 ** this.step)
    const next = new Map<string, tf.Tensor>()
    for (const [name, param] of params) {
      const grad = grads.get(name)
      if (!grad) throw new Error(`no gradient for ${name}`)
      const oldM = this.m.get(name)
      const oldV = this.v.get(name)
      const [m, v, p] = tf.tidy(() => {
        const g = scale === 1 ? grad : tf.mul(grad, scale)
        const m = oldM ? tf.add(tf.mul(oldM, beta1), tf.mul(g, 1 - beta1)) : tf.mul(g, 1 - beta1)
        const v = oldV ? tf.add(tf.mul(oldV, beta2), tf.mul(tf.square(g), 1 - beta2)) : tf.mul(tf.square(g), 1 - beta2)
        const p = tf.sub(param, tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilon)), stepSize))
        return [m, v, p]
      })
      tf.dispose([oldM, oldV, param, grad].filter((t): t is tf.Tensor => t !== undefined))
      this.m.set(name, m as tf.Tensor)
      this.v.set(name, v as tf.Tensor)
      next.set(name, p as tf.Tensor)
    }
    return { params: next, gradNorm }
  }

  /** The moments as named tensors (m/NAME, v/NAME) for the resume files; the tensors stay owned here. */
  stateTensors(): Map<string, tf.Tensor> {
    const out = new Map<string, tf.Tensor>()
    for (const [name, t] of this.m) out.set(`m/${name}`, t)
    for (const [name, t] of this.v) out.set(`v/${name}`, t)
    return out
  }

  /** Restores moments saved by stateTensors and the step count; takes ownership of the tensors. */
  restore(tensors: Map<string, tf.Tensor>, step: number): void {
    this.dispose()
    for (const [key, t] of tensors) {
      if (key.startsWith('m/')) this.m.set(key.slice(2), t)
      else if (key.startsWith('v/')) this.v.set(key.slice(2), t)
      else t.dispose()
    }
    this.step = step
  }

  /** Frees the moments. */
  dispose(): void {
    tf.dispose([...this.m.values(), ...this.v.values()])
    this.m.clear()
    this.v.clear()
  }
}
