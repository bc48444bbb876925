import { describe, expect, it } from 'vitest'
import { KEYS, type Frame } from '../../shared/music/index.ts'
import { independentHead } from '../../model/heads/independent.ts'
import { laneRngs } from '../sampler.ts'
import { LaneDecoder, type LaneContext } from './laneDecoder.ts'
import { DEFAULT_DECODING, plainDecoding, type DecodingOptions } from './options.ts'
import { primerProfile } from './profile.ts'
import { frameLogProb } from './likelihood.ts'
import { frameNotes, topVoiceMoves } from '../evaluation/metrics.ts'

// The independent head's sampler reads one logit per key straight from the parameters.
const independent = await independentHead.distribution(new Map())
const all = new Array<boolean>(KEYS).fill(true)

function logits(value: (key: number) => number): Float32Array {
  return Float32Array.from({ length: KEYS }, (_, key) => value(key))
}

function contextOf(primer: Frame[], stepsPerBar = 8, allowedKeys: boolean[] = all): LaneContext {
  return { primer, profile: primerProfile(primer, 16), allowedKeys, stepsPerBar }
}

/** Draws `steps` frames with fixed logits (or logits from the frames so far). */
function run(
  context: LaneContext,
  options: DecodingOptions,
  params: (written: Frame[]) => Float32Array,
  steps: number,
  seed = 3,
): LaneDecoder {
  const decoder = new LaneDecoder(context, options, laneRngs(seed, 1)[0]!)
  for (let step = 0; step < steps; step++) decoder.draw(independent, params(decoder.written), 0)
  return decoder
}

const chords = (frames: number, chord: number[]): Frame[] => Array.from({ length: frames }, () => [...chord])

describe('LaneDecoder with plain decoding', () => {
  it('draws each key with probability sigmoid(logit / temperature)', () => {
    const params = logits((key) => (key < 44 ? 2 : -2))
    const share = (temperature: number): number => {
      const decoder = run(contextOf([]), plainDecoding(temperature), () => params, 300)
      return decoder.written.reduce((sum, frame) => sum + frame.filter((key) => key < 44).length, 0) / (300 * 44)
    }
    expect(share(1)).toBeCloseTo(1 / (1 + Math.exp(-2)), 1) // 0.88
    expect(share(4)).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 1) // 0.62
  })

  it('is reproducible for a seed, another seed draws other frames', () => {
    const params = logits(() => 0)
    const a = run(contextOf([]), plainDecoding(1), () => params, 4, 7).written
    expect(run(contextOf([]), plainDecoding(1), () => params, 4, 7).written).toEqual(a)
    expect(run(contextOf([]), plainDecoding(1), () => params, 4, 8).written).not.toEqual(a)
  })

  it('keeps out disallowed keys and caps polyphony keeping the most probable', () => {
    const allowed = all.map((_, key) => key >= 30 && key < 60)
    const decoder = run(contextOf([], 8, allowed), { ...plainDecoding(1), maxPolyphony: 4 }, () => logits((key) => 10 - key * 0.01), 3)
    for (const frame of decoder.written) expect(frame).toEqual([30, 31, 32, 33])
  })

  it("adds up the model's own log-probability of what it wrote, untouched by temperature", () => {
    const params = logits((key) => (key % 3) - 1)
    const decoder = run(contextOf([]), plainDecoding(0.5), () => params, 5)
    const expected = decoder.written.reduce((sum, frame) => sum + frameLogProb(independent, params, 0, frame), 0)
    expect(decoder.logProb).toBeCloseTo(expected, 6)
  })
})

describe('LaneDecoder controls', () => {
  const primer = Array.from({ length: 32 }, (_, step) => (step % 2 === 0 ? [40, 44, 47] : [40, 44, 47, 52 + (step % 4)]))

  it('keeps the range within the primer widened by the margin', () => {
    const decoder = run(contextOf(primer), { ...plainDecoding(1), rangeMargin: 3 }, () => logits(() => 0), 20)
    const keys = decoder.written.flat()
    expect(Math.min(...keys)).toBe(37)
    expect(Math.max(...keys)).toBe(58)
  })

  it('releases a key held longer than the primer ever holds one (at least a bar)', () => {
    const held = run(contextOf(primer), { ...plainDecoding(1), limitHolds: true }, () => logits((key) => (key === 60 ? 20 : -20)), 40)
    const longest = Math.max(...frameNotes(held.written).map((note) => note.length))
    expect(longest).toBe(32) // the primer holds 40, 44 and 47 for all its 32 frames
    const free = run(contextOf(primer), plainDecoding(1), () => logits((key) => (key === 60 ? 20 : -20)), 40)
    expect(Math.max(...frameNotes(free.written).map((note) => note.length))).toBe(40)
  })

  it("keeps the primer's notes per frame at a temperature that would freeze plain sampling", () => {
    // A model that wants to hold whatever sounds and start nothing new.
    const params = (written: Frame[]): Float32Array => logits((key) => ((written.at(-1) ?? primer.at(-1)!).includes(key) ? 3 : -4))
    const controlled = run(contextOf(primer), { ...plainDecoding(0.3), density: 1 }, params, 64)
    const plain = run(contextOf(primer), plainDecoding(0.3), params, 64)
    const profile = primerProfile(primer, 16)
    const perFrame = (decoder: LaneDecoder): number => frameNotes(decoder.written).length / 64
    expect(perFrame(plain)).toBeLessThan(0.2 * profile.onsetsPerFrame)
    expect(perFrame(controlled)).toBeGreaterThan(0.6 * profile.onsetsPerFrame)
    expect(perFrame(controlled)).toBeLessThan(1.5 * profile.onsetsPerFrame)
  })

  it("keeps the primer's amount when heat scatters stray keys (temperature 2)", () => {
    // A model unsure of every key: hot sampling would sound a quarter of the keyboard at once.
    const params = (): Float32Array => logits(() => -1)
    const profile = primerProfile(primer, 16)
    const controlled = run(contextOf(primer), { ...plainDecoding(2), density: 1 }, params, 64)
    const keysPerFrame = controlled.written.slice(8).reduce((sum, frame) => sum + frame.length, 0) / 56
    expect(keysPerFrame).toBeGreaterThan(0.5 * profile.keysPerFrame)
    expect(keysPerFrame).toBeLessThan(1.5 * profile.keysPerFrame)
  })

  it('keeps keys a semitone apart out of one frame', () => {
    const params = () => logits((key) => (key === 50 || key === 51 ? 2 : -10))
    const both = (options: DecodingOptions): number =>
      run(contextOf([]), options, params, 200).written.filter((frame) => frame.length === 2).length
    // Plain: 0.88 x 0.88 of the frames; with the penalty the upper key's logit drops from 2 to -1.
    expect(both(plainDecoding(1))).toBeGreaterThan(130)
    expect(both({ ...plainDecoding(1), clashPenalty: 3 })).toBeLessThan(70)
  })

  it('pulls toward what sounded a bar and two bars back (phrase memory)', () => {
    const phrase = Array.from({ length: 16 }, (_, step) => [40 + (step % 8)])
    const copies = (options: DecodingOptions): number => {
      const decoder = run(contextOf(phrase), options, () => logits(() => -2), 16)
      return decoder.written.filter((frame, step) => frame.includes(40 + (step % 8))).length
    }
    expect(copies(plainDecoding(1))).toBeLessThan(6)
    expect(copies({ ...plainDecoding(1), memoryStrength: 6, memoryBars: [1, 2] })).toBeGreaterThan(12)
  })

  it('keeps, of several candidate frames, mostly those whose top voice does not leap', () => {
    // The top voice was at key 48; the model likes a step (50) and a leap (70) alike.
    const context = contextOf([[48]])
    const params = () => logits((key) => (key === 50 || key === 70 ? 0 : -10))
    const leaps = (options: DecodingOptions): number => topVoiceMoves(run(context, options, params, 200).written, 48).leaps
    const penalised = { ...plainDecoding(1), candidates: 8, penalties: { ...DEFAULT_DECODING.penalties, leap: 3, skip: 0, density: 0 } }
    expect(leaps(plainDecoding(1))).toBeGreaterThan(40)
    expect(leaps(penalised)).toBeLessThan(leaps(plainDecoding(1)) / 4)
  })
})
