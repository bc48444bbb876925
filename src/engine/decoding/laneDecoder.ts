import { KEYS, type Frame } from '../../shared/music/index.ts'
import type { FrameDistribution } from '../../model/heads/index.ts'
import type { Rng } from '../../model/rng.ts'
import { pitchClassBias } from './balance.ts'
import { densityError, densityGainAt, densityOffsets, onsetsOf, type DensityCounts } from './density.ts'
import { frameLogProb, logSigmoid } from './likelihood.ts'
import { memoryBias, memoryLags, softmax } from './memory.ts'
import type { DecodingOptions } from './options.ts'
import { framePenalty, pickByPenalty } from './penalties.ts'
import { pitchClassOf, type PrimerProfile } from './profile.ts'

/** What every lane of one continuation shares. */
export interface LaneContext {
  /** The primer in the model's key space. */
  primer: readonly Frame[]
  profile: PrimerProfile
  /** Keys that may sound (model key space), before the range margin. */
  allowedKeys: readonly boolean[]
  /** Model steps per bar where the writing starts. */
  stepsPerBar: number
}

interface Drawn {
  frame: Frame
  /** The model's own log-probability of the frame (no temperature, no biases). */
  logProb: number
  /** Each key's chance as drawn, for the polyphony cap. */
  chance: Float64Array
}

/**
 * One variation's decoder: it draws each frame from the head's parameters, key by key, with the
 * temperature and the pushes of phrase memory, pitch-class balance and density control, refuses keys
 * outside the range or held too long, and, with several candidates, keeps one chosen by its penalty.
 */
export class LaneDecoder {
  /** The frames written so far. */
  readonly written: Frame[] = []
  /** The model's log-likelihood of what was written (nats), for best-of-N. */
  logProb = 0
  private readonly history: Frame[]
  private readonly allowed: boolean[]
  private readonly maxHold: number
  private readonly held = new Int32Array(KEYS)
  private readonly counts: DensityCounts = { frames: 0, onsets: 0, keyFrames: 0 }
  private readonly pitchCounts = new Array<number>(12).fill(0)
  private lastTop: number | undefined
  /** Each lag's log-likelihood under the model, summed over the steps with a decay. */
  private readonly lagEvidence = new Map<number, number>()

  /** A decoder for one lane drawing with `rng`. */
  constructor(
    private readonly context: LaneContext,
    private readonly options: DecodingOptions,
    private readonly rng: Rng,
  ) {
    const { primer, profile } = context
    this.history = primer.map((frame) => [...frame])
    for (let key = 0; key < KEYS; key++) {
      let run = 0
      for (let t = primer.length - 1; t >= 0 && primer[t]!.includes(key); t--) run++
      this.held[key] = run
    }
    const margin = options.rangeMargin
    this.allowed = context.allowedKeys.map(
      (ok, key) => ok && (margin === undefined || (key >= profile.low - margin && key <= profile.high + margin)),
    )
    this.maxHold = options.limitHolds ? Math.max(profile.longestNote, context.stepsPerBar) : Number.POSITIVE_INFINITY
    this.lastTop = [...primer]
      .reverse()
      .find((frame) => frame.length > 0)
      ?.at(-1)
  }

  /** Draws this lane's next frame from its head parameters at `offset` and remembers it. */
  draw(distribution: FrameDistribution, params: Float32Array, offset: number): Frame {
    const bias = this.bias(distribution, params, offset)
    const previous = new Set(this.history.at(-1) ?? [])
    const density =
      this.options.density > 0
        ? densityOffsets(
            this.context.profile,
            this.options.density,
            this.counts,
            densityGainAt(this.options.densityGain, this.options.temperature),
          )
        : { onset: 0, hold: 0 }
    const count = Math.max(1, this.options.candidates)
    const drawn = Array.from({ length: count }, () => this.drawOne(distribution, params, offset, bias, density, previous))
    const chosen =
      count === 1
        ? drawn[0]!
        : drawn[
            pickByPenalty(
              drawn.map((candidate) => this.penalty(candidate.frame, previous)),
              this.rng.next(),
            )
          ]!
    const frame = this.capped(chosen)
    this.remember(frame, previous)
    this.logProb += chosen.logProb
    return frame
  }

  /** Phrase memory plus pitch-class balance, per key (undefined when both are off). */
  private bias(distribution: FrameDistribution, params: Float32Array, offset: number): Float64Array | undefined {
    const { memoryStrength, memoryBars, pitchBalance } = this.options
    let bias: Float64Array | undefined
    const lags = memoryStrength > 0 ? memoryLags(memoryBars, this.context.stepsPerBar, this.history.length) : []
    if (lags.length > 0) {
      const frames = lags.map((lag) => this.history[this.history.length - lag]!)
      // The model says which of the earlier frames it finds most likely now (and, with a decay, lately).
      const decay = this.options.memoryDecay
      const evidence = frames.map(
        (frame, i) => decay * (this.lagEvidence.get(lags[i]!) ?? 0) + frameLogProb(distribution, params, offset, frame),
      )
      lags.forEach((lag, i) => this.lagEvidence.set(lag, evidence[i]!))
      const weights = softmax(evidence)
      bias = memoryBias(frames, weights, memoryStrength)
    }
    if (pitchBalance > 0) {
      const perFrame = this.context.profile.keysPerFrame * (this.options.density > 0 ? this.options.density : 1)
      const balance = pitchClassBias(this.context.profile.pitchClasses, this.pitchCounts, perFrame, pitchBalance)
      if (!bias) return balance
      for (let key = 0; key < KEYS; key++) bias[key]! += balance[key]!
    }
    return bias
  }

  private drawOne(
    distribution: FrameDistribution,
    params: Float32Array,
    offset: number,
    bias: Float64Array | undefined,
    density: { onset: number; hold: number },
    previous: ReadonlySet<number>,
  ): Drawn {
    const { temperature, clashPenalty } = this.options
    const chance = new Float64Array(KEYS)
    let below = -2
    let logProb = 0
    const frame = distribution.draw(params, offset, (key, logit) => {
      // One draw per key whether it may sound or not, so that the stream stays aligned across options.
      const uniform = this.rng.next()
      let on = false
      if (this.allowed[key] && this.held[key]! < this.maxHold) {
        // Memory and balance shift the model's logits before the temperature scales them: temperature
        // shapes the choices, with those pushes as with the model's own preferences. The density offsets
        // keep the amount: above temperature 1 they act after the scaling, so heat cannot weaken them.
        const push = previous.has(key) ? density.hold : density.onset
        let z = (logit + (bias?.[key] ?? 0) + push * Math.max(1, temperature)) / temperature
        if (below === key - 1) z -= clashPenalty / temperature
        chance[key] = 1 / (1 + Math.exp(-z))
        on = uniform < chance[key]!
      }
      logProb += logSigmoid(on ? logit : -logit)
      if (on) below = key
      return on
    })
    return { frame, logProb, chance }
  }

  private penalty(frame: Frame, previous: ReadonlySet<number>): number {
    const { penalties, density } = this.options
    let penalty = framePenalty(frame, this.lastTop, penalties)
    if (penalties.density > 0 && density > 0) {
      const error = densityError(this.context.profile, density, this.counts, frame, previous)
      penalty += penalties.density * (Math.abs(error.keys) + Math.abs(error.onsets))
    }
    return penalty
  }

  /** The drawn frame with at most maxPolyphony keys, the most probable kept. */
  private capped({ frame, chance }: Drawn): Frame {
    const cap = this.options.maxPolyphony
    if (cap === undefined || frame.length <= cap) return frame
    return [...frame]
      .sort((a, b) => chance[b]! - chance[a]! || a - b)
      .slice(0, cap)
      .sort((a, b) => a - b)
  }

  private remember(frame: Frame, previous: ReadonlySet<number>): void {
    const now = new Set(frame)
    for (let key = 0; key < KEYS; key++) this.held[key] = now.has(key) ? this.held[key]! + 1 : 0
    for (const key of frame) this.pitchCounts[pitchClassOf(key)]!++
    this.counts.frames++
    this.counts.onsets += onsetsOf(frame, previous)
    this.counts.keyFrames += frame.length
    this.lastTop = frame.at(-1) ?? this.lastTop
    this.history.push(frame)
    this.written.push(frame)
  }
}
