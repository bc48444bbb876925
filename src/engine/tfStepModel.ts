import * as tf from '../model/tf.ts'
import { disposeState, type LstmModel, type ModelState } from '../model/inference.ts'
import type { GenerationSession, StepModel } from './stepModel.ts'
import { headsOf, type HeadName } from '../model/config.ts'
import type { FrameDistribution } from '../model/heads/index.ts'
import { frameLogProb } from './decoding/likelihood.ts'
import { KEYS } from '../shared/music/constants.ts'

/**
 * The trained LSTM as a StepModel: the engine hands it plain arrays and gets plain arrays back.
 * Priming runs the primer once at batch 1 (one hoisted input projection per layer for all its frames)
 * and copies the state to every lane, so priming costs the same for 1 or 8 variations; each later step
 * is one batched pass for all lanes.
 */
export class TfStepModel implements StepModel {
  /** Each head's sampler, made once (the NADE head copies its weights out of the tensors). */
  private readonly distributions = new Map<HeadName, FrameDistribution>()

  /** Wraps a loaded model; dispose() frees it. */
  constructor(private readonly model: LstmModel) {}

  /** The checkpoint's resolution. */
  get stepsPerQuarter(): number {
    return this.model.config.stepsPerQuarter
  }

  /** The checkpoint's output layers, its default first. */
  get heads(): HeadName[] {
    return headsOf(this.model.config)
  }

  /** A fresh recurrent state for `lanes` lanes, drawing with `headName` (default: the checkpoint's first). */
  async startSession(lanes: number, headName?: HeadName): Promise<GenerationSession> {
    const model = this.model
    const head = model.head(headName)
    const distribution = await this.distributionOf(head.name)
    const width = distribution.width
    let state: ModelState | undefined
    const lastRow = async (params: tf.Tensor2D, rows: number): Promise<Float32Array> => {
      const last = tf.tidy(() => tf.slice(params, [rows - 1, 0], [1, width]))
      const values = (await last.data()) as Float32Array
      tf.dispose([last, params])
      return values
    }
    return {
      distribution,
      async prime(frames, count) {
        // A piece's first frame would be predicted from an empty frame fed to the zero state.
        const rows = Math.max(1, count)
        const input = tf.tensor2d(count > 0 ? frames.subarray(0, count * KEYS) : new Float32Array(KEYS), [rows, KEYS])
        const primed = model.prime(input, undefined, head)
        input.dispose()
        const params = await lastRow(primed.params, rows)
        state = model.tileState(primed.state, lanes)
        disposeState(primed.state)
        const tiled = new Float32Array(lanes * width)
        for (let lane = 0; lane < lanes; lane++) tiled.set(params, lane * width)
        return tiled
      },
      async step(frames) {
        if (!state) throw new Error('prime the session before stepping it')
        const input = tf.tensor2d(frames, [lanes, KEYS])
        const next = model.step(state, input, head)
        input.dispose()
        disposeState(state)
        state = next.state
        const values = (await next.params.data()) as Float32Array
        next.params.dispose()
        return values
      },
      dispose() {
        if (state) disposeState(state)
        state = undefined
      },
    }
  }

  /** Log-likelihood of each of `alternatives` sequences, all in one batch (see StepModel). */
  async logLikelihoods(frames: Float32Array, count: number, alternatives: number, headName?: HeadName): Promise<number[]> {
    const head = this.model.head(headName)
    const distribution = await this.distributionOf(head.name)
    if (count === 0) return new Array<number>(alternatives).fill(0)
    // Time-major input, each sequence shifted one frame later behind an empty frame: row t predicts frame t.
    const input = new Float32Array(count * alternatives * KEYS)
    for (let t = 1; t < count; t++) {
      for (let b = 0; b < alternatives; b++)
        input.set(frames.subarray((b * count + t - 1) * KEYS, (b * count + t) * KEYS), (t * alternatives + b) * KEYS)
    }
    const x = tf.tensor2d(input, [count * alternatives, KEYS])
    const params = this.model.paramsOf(x, alternatives, head)
    x.dispose()
    const values = (await params.data()) as Float32Array
    params.dispose()
    const scores = new Array<number>(alternatives).fill(0)
    for (let t = 0; t < count; t++) {
      for (let b = 0; b < alternatives; b++) {
        const row = frames.subarray((b * count + t) * KEYS, (b * count + t + 1) * KEYS)
        const frame: number[] = []
        row.forEach((bit, key) => bit > 0 && frame.push(key))
        scores[b]! += frameLogProb(distribution, values, (t * alternatives + b) * distribution.width, frame)
      }
    }
    return scores
  }

  private async distributionOf(name: HeadName): Promise<FrameDistribution> {
    const known = this.distributions.get(name)
    if (known) return known
    const made = await this.model.distribution(this.model.head(name))
    this.distributions.set(name, made)
    return made
  }

  /** Frees the weights. */
  dispose(): void {
    this.model.dispose()
  }
}
