import { readFileSync } from 'node:fs'
import * as tf from '../model/tf.ts'
import type { TrainBlock } from './backprop.ts'
import { Rng } from '../model/rng.ts'
import { KEYS, type Frame } from '../shared/music/index.ts'

/** A piece: its frames in time order. */
export type Sequence = Frame[]

/** A piano-roll dataset as the JSON files in shared/data hold it. */
export interface PianoRollSet {
  /** Short name (e.g. "jsb"), used as the key of per-dataset scores. */
  name: string
  /** Frames per quarter note of `sequences`. */
  stepsPerQuarter: number
  /** The pieces. */
  sequences: Sequence[]
}

/** Reads one `<set>/<split>.json` file; `name` defaults to the folder name. */
export function loadPianoRollJson(path: string, name?: string): PianoRollSet {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { keys?: number; stepsPerQuarter?: number; sequences?: Sequence[] }
  if (json.keys !== undefined && json.keys !== KEYS) throw new Error(`${path}: expected ${KEYS} keys, found ${json.keys}`)
  if (!Array.isArray(json.sequences) || typeof json.stepsPerQuarter !== 'number')
    throw new Error(`${path}: not a piano-roll JSON file (needs sequences and stepsPerQuarter)`)
  const folder = path.split(/[\\/]/).slice(-2, -1)[0] ?? path
  return { name: name ?? folder, stepsPerQuarter: json.stepsPerQuarter, sequences: json.sequences }
}

/**
 * Brings a set to `stepsPerQuarter`. Upsampling by an integer factor is exact (each frame repeats: one
 * JSB quarter-note frame = two eighth-note frames); downsampling by an integer factor keeps every k-th
 * frame, which loses notes shorter than the new frame, so callers must ask for it.
 */
export function resample(set: PianoRollSet, stepsPerQuarter: number, allowDownsample = false): PianoRollSet {
  const from = set.stepsPerQuarter
  if (from === stepsPerQuarter) return set
  if (stepsPerQuarter % from === 0) {
    const k = stepsPerQuarter / from
    return {
      ...set,
      stepsPerQuarter,
      sequences: set.sequences.map((seq) => seq.flatMap((frame) => Array.from({ length: k }, () => frame))),
    }
  }
  if (allowDownsample && from % stepsPerQuarter === 0) {
    const k = from / stepsPerQuarter
    return { ...set, stepsPerQuarter, sequences: set.sequences.map((seq) => seq.filter((_, i) => i % k === 0)) }
  }
  throw new Error(`cannot resample ${set.name} from ${from} to ${stepsPerQuarter} steps per quarter exactly`)
}

/** Training steps of a piece: each frame but the last predicts its successor. */
export function stepsOf(seq: Sequence): number {
  return Math.max(0, seq.length - 1)
}

/**
 * How the pieces are laid out on `batch` lanes: each lane plays its pieces back to back, the state is
 * reset where a piece (or a segment of one) starts, and each goes onto the shortest lane so that little
 * padding is wasted. Training shuffles the order with a seed; evaluation places the longest pieces first.
 */
export interface LanePlan {
  /** Lanes. */
  batch: number
  /** Time steps of the longest lane. */
  steps: number
  /** Per lane: for each step, the piece index (-1 = padding) and the position of the input frame. */
  piece: Int32Array[]
  position: Int32Array[]
  /** Per lane: for each step, the semitones its segment is transposed by (absent: none; see planLanes). */
  shift?: Int8Array[]
}

/**
 * Lays out `sequences` on lanes; with `rng` the order is shuffled before balancing. With `maxSegment` > 0,
 * pieces longer than that many steps are cut into near-equal segments that are laid out (and shuffled) on their own:
 * whole long pieces placed last leave a long tail where only a lane or two still has data, and the
 * updates on those nearly empty blocks are both wasted time and noisy (a 3,700-step MuseData piece made
 * ~80 such updates at the end of every epoch).
 */
export function planLanes(sequences: Sequence[], batch: number, rng?: Rng, maxSegment = 0, transpose = 0): LanePlan {
  const segments: { piece: number; start: number; length: number; shift: number }[] = []
  sequences.forEach((seq, piece) => {
    const steps = stepsOf(seq)
    if (steps === 0) return
    const parts = maxSegment > 0 ? Math.ceil(steps / maxSegment) : 1
    for (let k = 0; k < parts; k++) {
      const start = Math.floor((k * steps) / parts)
      segments.push({ piece, start, length: Math.floor(((k + 1) * steps) / parts) - start, shift: 0 })
    }
  })
  // Training shuffles; evaluation places the longest pieces first, which balances lanes best.
  if (rng) rng.shuffle(segments)
  else segments.sort((a, b) => b.length - a.length)
  // Transposition augmentation: each segment moves by its own -transpose..+transpose semitones.
  if (rng && transpose > 0) for (const segment of segments) segment.shift = rng.int(2 * transpose + 1) - transpose
  const lanes: (typeof segments)[] = Array.from({ length: batch }, () => [])
  const lengths = new Array<number>(batch).fill(0)
  for (const segment of segments) {
    let best = 0
    for (let b = 1; b < batch; b++) if ((lengths[b] as number) < (lengths[best] as number)) best = b
    ;(lanes[best] as typeof segments).push(segment)
    lengths[best] = (lengths[best] as number) + segment.length
  }
  const steps = Math.max(0, ...lengths)
  const piece: Int32Array[] = []
  const position: Int32Array[] = []
  const shift: Int8Array[] = []
  for (const lane of lanes) {
    const p = new Int32Array(steps).fill(-1)
    const q = new Int32Array(steps)
    const s = new Int8Array(steps)
    let t = 0
    for (const segment of lane) {
      for (let k = 0; k < segment.length; k++, t++) {
        p[t] = segment.piece
        q[t] = segment.start + k
        s[t] = segment.shift
      }
    }
    piece.push(p)
    position.push(q)
    shift.push(s)
  }
  return { batch, steps, piece, position, ...(transpose > 0 ? { shift } : {}) }
}

/** Throws unless lo..hi-1 is a non-empty range of whole lanes within 0..batch-1. */
export function checkLaneRange(lo: number, hi: number, batch: number): void {
  if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 0 && lo < hi && hi <= batch))
    throw new Error(`lane range ${lo}..${hi} is outside 0..${batch}`)
}

/** The lanes lo..hi-1 of a plan as a plan of their own (one shard of data-parallel training). */
export function laneRange(plan: LanePlan, lo: number, hi: number): LanePlan {
  checkLaneRange(lo, hi, plan.batch)
  return {
    batch: hi - lo,
    steps: plan.steps,
    piece: plan.piece.slice(lo, hi),
    position: plan.position.slice(lo, hi),
    ...(plan.shift ? { shift: plan.shift.slice(lo, hi) } : {}),
  }
}

/** How many blocks of `window` steps a plan has. */
export function blockCount(plan: LanePlan, window: number): number {
  return Math.ceil(plan.steps / window)
}

/** Builds block `index` (steps index*window ..) as tensors; the caller disposes it with disposeBlock. */
export function makeBlock(sequences: Sequence[], plan: LanePlan, index: number, window: number, keys = KEYS): TrainBlock {
  const { batch } = plan
  const start = index * window
  const steps = Math.min(window, plan.steps - start)
  const inputs = new Float32Array(steps * batch * keys)
  const targets = new Float32Array(steps * batch * keys)
  const scored = new Float32Array(steps * batch)
  const keep: (tf.Tensor2D | null)[] = []
  let scoredCount = 0
  for (let t = 0; t < steps; t++) {
    const keepValues = new Float32Array(batch).fill(1)
    let resets = false
    for (let b = 0; b < batch; b++) {
      const i = (plan.piece[b] as Int32Array)[start + t] as number
      if (i < 0) continue
      const pos = (plan.position[b] as Int32Array)[start + t] as number
      const seq = sequences[i] as Sequence
      const row = t * batch + b
      const shift = plan.shift ? ((plan.shift[b] as Int8Array)[start + t] as number) : 0
      // Keys a transposition pushes off the keyboard are dropped.
      for (const key of seq[pos] as Frame) if (key + shift >= 0 && key + shift < keys) inputs[row * keys + key + shift] = 1
      for (const key of seq[pos + 1] as Frame) if (key + shift >= 0 && key + shift < keys) targets[row * keys + key + shift] = 1
      scored[row] = 1
      scoredCount++
      // The state carries on only where this step continues the lane's previous step in the same piece.
      const before = start + t - 1
      const continues =
        before >= 0 &&
        (plan.piece[b] as Int32Array)[before] === i &&
        (plan.position[b] as Int32Array)[before] === pos - 1 &&
        (!plan.shift || (plan.shift[b] as Int8Array)[before] === shift)
      if (!continues) {
        keepValues[b] = 0
        resets = true
      }
    }
    keep.push(resets ? tf.tensor2d(keepValues, [batch, 1]) : null)
  }
  return {
    inputs: tf.tensor2d(inputs, [steps * batch, keys]),
    targets: tf.tensor2d(targets, [steps * batch, keys]),
    scored: tf.tensor2d(scored, [steps * batch, 1]),
    scoredCount,
    keep,
    batch,
    steps,
  }
}

/** Frees a block's tensors. */
export function disposeBlock(block: TrainBlock): void {
  tf.dispose([block.inputs, block.targets, block.scored, ...block.keep.filter((k): k is tf.Tensor2D => k !== null)])
}
