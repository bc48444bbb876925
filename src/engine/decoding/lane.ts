// PROTOTYPE: one lane's decoder, all parts in one file while the settings are measured.
import { KEYS, type Frame } from '../../shared/music/index.ts'
import type { FrameDistribution } from '../../model/heads/index.ts'
import type { Rng } from '../../model/rng.ts'
import { frameLogProb, logSigmoid } from './likelihood.ts'
import { frameF1, frameNotes } from '../evaluation/metrics.ts'

export interface DecodingOptions {
  temperature: number
  /** Phrase memory strength in logits (0 = none). */
  memory: number
  /** Lags in bars. */
  memoryBars: number[]
  /** Sharpness of the lag weights from the model's likelihood of each lag frame (0: uniform). */
  lagSharpness: number
  lagWeights: 'likelihood' | 'selfsim'
  /** Logit penalty for a key a semitone above one already on. */
  clashPenalty: number
  /** Gain of the density controller (logits per note of error; 0 = off). */
  densityGain: number
  /** Longest hold as a multiple of the primer's longest note (min 1 bar); 0 = off. */
  holdLimit: boolean
  /** Range margin in semitones around the primer's keys (undefined = whole allowed). */
  rangeMargin: number | undefined
  /** Candidates per variation (best-of-N by likelihood). */
  bestOf: number
  candidates: number
  leapPenalty: number
  midPenalty: number
  pcBias: number
  pcHalfLife: number
  pcGain: number
  densityPenalty: number
  clashWeight: number
  keyPolicy: 'profile' | 'none' | 'model'
  keyWindow?: number
  keyMargin?: number
}

export const PROTOTYPE_DEFAULTS: DecodingOptions = {
  temperature: 1,
  memory: 0,
  memoryBars: [1, 2, 4, 8],
  lagSharpness: 1,
  lagWeights: 'likelihood',
  clashPenalty: 0,
  densityGain: 0,
  holdLimit: false,
  rangeMargin: undefined,
  bestOf: 1,
  keyPolicy: 'profile',
  candidates: 1,
  leapPenalty: 0,
  midPenalty: 0,
  pcBias: 0,
  pcHalfLife: 16,
  pcGain: 0,
  densityPenalty: 0,
  clashWeight: 0,
}

/** What the primer says about amount and range. */
export interface PrimerStats {
  onsetsPerFrame: number
  keysPerFrame: number
  longestNote: number
  low: number
  high: number
}

export function primerStats(primer: readonly Frame[]): PrimerStats {
  const notes = frameNotes(primer)
  const keys = primer.flat()
  const frames = Math.max(1, primer.length)
  return {
    onsetsPerFrame: notes.length / frames,
    keysPerFrame: keys.length / frames,
    longestNote: Math.max(0, ...notes.map((n) => n.length)),
    low: keys.length ? Math.min(...keys) : 0,
    high: keys.length ? Math.max(...keys) : KEYS - 1,
  }
}

export class LaneDecoder {
  readonly history: Frame[]
  readonly written: Frame[] = []
  /** Frames each key has been held up to now. */
  private held = new Int32Array(KEYS)
  private onsets = 0
  private keyFrames = 0
  logProb = 0
  private readonly allowed: boolean[]
  private readonly maxHold: number
  private readonly pcPrior = new Float64Array(KEYS)
  private readonly pcTarget = new Float64Array(12)
  private readonly pcCount = new Float64Array(12)

  constructor(
    primer: readonly Frame[],
    private readonly stats: PrimerStats,
    allowedKeys: readonly boolean[],
    private readonly stepsPerBar: number,
    private readonly options: DecodingOptions,
    private readonly rng: Rng,
  ) {
    this.history = primer.map((f) => [...f])
    for (let t = primer.length - 1; t >= 0; t--) {
      // run lengths at the primer's end
    }
    for (let key = 0; key < KEYS; key++) {
      let run = 0
      for (let t = primer.length - 1; t >= 0 && primer[t]!.includes(key); t--) run++
      this.held[key] = run
    }
    const margin = options.rangeMargin
    this.allowed = allowedKeys.map((ok, key) => ok && (margin === undefined || (key >= stats.low - margin && key <= stats.high + margin)))
    {
      const hist = new Array<number>(12).fill(0)
      primer.forEach((frame, t) => {
        const weight = Math.pow(0.5, (primer.length - 1 - t) / options.pcHalfLife)
        for (const key of frame) hist[(key + 9) % 12]! += weight
      })
      const total = hist.reduce((a, b) => a + b, 0)
      for (let pc = 0; pc < 12; pc++) this.pcTarget[pc] = total > 0 ? hist[pc]! / total : 1 / 12
    }
    if (options.pcBias !== 0) {
      const hist = new Array<number>(12).fill(0)
      primer.forEach((frame, t) => {
        const weight = Math.pow(0.5, (primer.length - 1 - t) / options.pcHalfLife)
        for (const key of frame) hist[(key + 9) % 12]! += weight
      })
      const total = hist.reduce((a, b) => a + b, 0)
      if (total > 0) {
        for (let key = 0; key < KEYS; key++) {
          const share = hist[(key + 9) % 12]! / total
          this.pcPrior[key] = Math.max(-3, Math.min(2, options.pcBias * Math.log((share + 0.02) / (1 / 12 + 0.02))))
        }
      }
    }
    this.maxHold = options.holdLimit ? Math.max(stats.longestNote, stepsPerBar) : Number.POSITIVE_INFINITY
  }

  private readonly similarity = new Map<number, number>()
  /** How well lag `lag` predicts the primer (frame F1 of each frame with the one `lag` before). */
  private selfSim(lag: number): number {
    let known = this.similarity.get(lag)
    if (known !== undefined) return known
    const primer = this.history.slice(0, this.history.length - this.written.length)
    known = lag + this.stepsPerBar <= primer.length ? frameF1(primer.slice(lag), primer.slice(0, primer.length - lag)) : 0.3
    this.similarity.set(lag, known)
    return known
  }

  /** Per-key memory bias for the next frame. */
  private memoryBias(distribution: FrameDistribution, params: Float32Array, offset: number): Float64Array | undefined {
    const { memory, memoryBars, lagSharpness } = this.options
    if (memory === 0) return undefined
    const t = this.history.length
    const lags = memoryBars.map((bars) => bars * this.stepsPerBar).filter((lag) => lag <= t)
    if (lags.length === 0) return undefined
    const frames = lags.map((lag) => this.history[t - lag]!)
    const scores = frames.map((frame, i) =>
      this.options.lagWeights === 'selfsim' ? lagSharpness * this.selfSim(lags[i]!) : lagSharpness === 0 ? 0 : lagSharpness * frameLogProb(distribution, params, offset, frame),
    )
    const top = Math.max(...scores)
    const weights = scores.map((s) => Math.exp(s - top))
    const total = weights.reduce((a, b) => a + b, 0)
    const vote = new Float64Array(KEYS)
    frames.forEach((frame, i) => {
      for (const key of frame) vote[key]! += weights[i]! / total
    })
    for (let key = 0; key < KEYS; key++) vote[key] = memory * vote[key]!
    return vote
  }

  private densityOffsets(): { onset: number; hold: number } {
    const gain = this.options.densityGain
    if (gain === 0) return { onset: 0, hold: 0 }
    const steps = this.written.length
    const onsetError = this.stats.onsetsPerFrame * (steps + 1) - this.onsets
    const keyError = this.stats.keysPerFrame * (steps + 1) - this.keyFrames
    const meanLength = this.stats.onsetsPerFrame > 0 ? this.stats.keysPerFrame / this.stats.onsetsPerFrame : 1
    const clip = (x: number): number => Math.max(-4, Math.min(4, x))
    return { onset: clip(gain * onsetError), hold: clip((gain * (keyError - meanLength * onsetError)) / meanLength) }
  }

  private pcBalance(): Float64Array | undefined {
    const gain = this.options.pcGain
    if (gain === 0) return undefined
    const total = this.pcCount.reduce((a, b) => a + b, 0) + this.stats.keysPerFrame
    const bias = new Float64Array(KEYS)
    const scale = Math.max(1, this.stats.keysPerFrame)
    for (let key = 0; key < KEYS; key++) {
      const pc = (key + 9) % 12
      bias[key] = Math.max(-3, Math.min(3, (gain * (this.pcTarget[pc]! * total - this.pcCount[pc]!)) / scale))
    }
    return bias
  }

  /** Draws this lane's next frame from its head parameters. */
  draw(distribution: FrameDistribution, params: Float32Array, offset: number): Frame {
    const memory = this.memoryBias(distribution, params, offset)
    const balance = this.pcBalance()
    const bias = memory || balance ? new Float64Array(KEYS).map((_, key) => (memory?.[key] ?? 0) + (balance?.[key] ?? 0)) : undefined
    const density = this.densityOffsets()
    const previous = new Set(this.history.at(-1) ?? [])
    const count = Math.max(1, this.options.candidates)
    const drawn = Array.from({ length: count }, () => this.drawOne(distribution, params, offset, bias, density, previous))
    let chosen = drawn[0]!
    if (count > 1) {
      const weights = drawn.map((c) => Math.exp(-this.penalty(c.frame)))
      const total = weights.reduce((a, b) => a + b, 0)
      let r = this.rng.next() * total
      for (let i = 0; i < count; i++) {
        r -= weights[i]!
        if (r <= 0) {
          chosen = drawn[i]!
          break
        }
      }
    }
    this.commit(chosen.frame, previous)
    this.logProb += chosen.logProb
    return chosen.frame
  }

  private lastTop(): number | undefined {
    for (let t = this.history.length - 1; t >= 0; t--) {
      const top = this.history[t]!.at(-1)
      if (top !== undefined) return top
    }
    return undefined
  }

  private penalty(frame: Frame): number {
    const top = frame.at(-1)
    const before = this.lastTop()
    let penalty = 0
    if (top !== undefined && before !== undefined && Math.abs(top - before) > 7) penalty += this.options.leapPenalty
    else if (top !== undefined && before !== undefined && Math.abs(top - before) > 2) penalty += this.options.midPenalty
    for (let i = 1; i < frame.length; i++) if (frame[i]! - frame[i - 1]! === 1) penalty += this.options.clashWeight
    if (this.options.densityPenalty > 0) {
      const previous = new Set(this.history.at(-1) ?? [])
      const steps = this.written.length + 1
      const keyError = (this.stats.keysPerFrame * steps - this.keyFrames - frame.length) / Math.max(1, this.stats.keysPerFrame)
      const onsets = frame.filter((key) => !previous.has(key)).length
      const onsetError = (this.stats.onsetsPerFrame * steps - this.onsets - onsets) / Math.max(1, this.stats.keysPerFrame)
      penalty += this.options.densityPenalty * (Math.abs(keyError) + Math.abs(onsetError))
    }
    return penalty
  }

  private drawOne(distribution: FrameDistribution, params: Float32Array, offset: number, bias: Float64Array | undefined, density: { onset: number; hold: number }, previous: Set<number>): { frame: Frame; logProb: number } {
    const { temperature, clashPenalty } = this.options
    let lastOn = -2
    let logProb = 0
    const frame = distribution.draw(params, offset, (key, logit) => {
      let on = false
      if (this.allowed[key] && this.held[key]! < this.maxHold) {
        let z = logit / temperature + (bias?.[key] ?? 0) + this.pcPrior[key]! + (previous.has(key) ? density.hold : density.onset)
        if (lastOn === key - 1) z -= clashPenalty
        on = this.rng.next() < 1 / (1 + Math.exp(-z))
      } else this.rng.next()
      logProb += logSigmoid(on ? logit : -logit)
      if (on) lastOn = key
      return on
    })
    return { frame, logProb }
  }

  private commit(frame: Frame, previous: Set<number>): void {
    const now = new Set(frame)
    for (let key = 0; key < KEYS; key++) this.held[key] = now.has(key) ? this.held[key]! + 1 : 0
    for (const key of frame) this.pcCount[(key + 9) % 12]! += 1
    this.onsets += frame.filter((key) => !previous.has(key)).length
    this.keyFrames += frame.length
    this.history.push(frame)
    this.written.push(frame)
  }
}
