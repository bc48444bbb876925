import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tf from '../model/tf.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadNamedTensors } from '../model/checkpoint.ts'
import { defaultConfig } from '../model/config.ts'
import { toyCorpus, useCpuBackend } from '#fixtures/toyCorpus.ts'
import { ShardPool } from './shardPool.ts'
import { train, type TrainOptions } from './train.ts'

const root = mkdtempSync(join(tmpdir(), 'np-train-'))
beforeAll(useCpuBackend)
afterAll(() => rmSync(root, { recursive: true, force: true }))

const config = defaultConfig({ hiddenSizes: [8, 6], dropout: 0.3 })
const trainSet = { name: 'toy', stepsPerQuarter: 2, sequences: [...toyCorpus(5, 23), ...toyCorpus(3, 9, 3)] }
const validSet = { name: 'toy', stepsPerQuarter: 2, sequences: toyCorpus(4, 17, 11) }

function options(name: string, overrides: Partial<TrainOptions> = {}): TrainOptions {
  const lines: string[] = []
  return {
    config,
    train: [trainSet],
    valid: [validSet],
    outDir: join(root, name, 'out'),
    workDir: join(root, name, 'work'),
    seed: 3,
    batch: 4,
    window: 5,
    learningRate: 0.01,
    clipNorm: 5,
    warmupUpdates: 2,
    evalEveryUpdates: 1000,
    decayFactor: 0.5,
    patience: 2,
    maxDecays: 3,
    saveEveryMinutes: 100,
    maxMinutes: 10,
    maxEpochs: 2,
    log: (line) => lines.push(line),
    ...overrides,
  }
}

/** The float32 weights a finished run left in its resume files. */
function finalWeights(name: string): Map<string, Float32Array> {
  const tensors = loadNamedTensors(join(root, name, 'work', 'weights'))
  const values = new Map([...tensors].map(([n, t]) => [n, t.dataSync().slice() as Float32Array]))
  tf.dispose([...tensors.values()])
  return values
}

function history(name: string): { updates: number; nll: number }[] {
  return (JSON.parse(readFileSync(join(root, name, 'work', 'state.json'), 'utf8')) as { history: { updates: number; nll: number }[] })
    .history
}

function maxDifference(a: Map<string, Float32Array>, b: Map<string, Float32Array>): number {
  let worst = 0
  for (const [name, x] of a) {
    const y = b.get(name)
    if (!y) throw new Error(`missing ${name}`)
    x.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (y[i] as number)))))
  }
  return worst
}

describe('train', () => {
  it('learns the toy corpus and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors
    const updates: { epoch: number; block: number; blocks: number; updates: number }[] = []
    const result = await train(options('plain', { maxEpochs: 6, evalEveryUpdates: 4, onUpdate: (at) => void updates.push(at) }))
    expect(result.stopped).toBe('epochs')
    // One report per update, each epoch counting its blocks from 1 to all of them.
    expect(updates.map((u) => u.updates)).toEqual(updates.map((_, i) => i + 1))
    for (let epoch = 0; epoch < 6; epoch++) {
      const mine = updates.filter((u) => u.epoch === epoch)
      expect(mine.map((u) => u.block)).toEqual(mine.map((_, i) => i + 1))
      expect(mine.at(-1)?.block).toBe(mine[0]?.blocks)
    }
    const nll = history('plain').map((h) => h.nll)
    expect(nll.length).toBeGreaterThan(3)
    expect(nll.at(-1)).toBeLessThan((nll[0] as number) - 1)
    expect(result.bestNll).toBe(Math.min(...nll))
    expect(tf.memory().numTensors).toBe(before)
  })

  it('resumed at an epoch boundary, ends with the same weights as an uninterrupted run', async () => {
    await train(options('whole'))
    const first = await train(options('split', { maxEpochs: 1 }))
    expect(first.stopped).toBe('epochs')
    await train(options('split'))
    expect(maxDifference(finalWeights('whole'), finalWeights('split'))).toBe(0)
  })

  it('starts a new run from a checkpoint (no resume files) and keeps the card cumulative', async () => {
    const lines: string[] = []
    const first = await train(options('seed-run', { maxEpochs: 2, evalEveryUpdates: 4 }))
    const card = JSON.parse(readFileSync(join(root, 'seed-run', 'out', 'config.json'), 'utf8')) as {
      training: { updates: number; framesSeen: number }
    }
    const result = await train(
      options('from-checkpoint', {
        init: join(root, 'seed-run', 'out'),
        maxEpochs: 4,
        evalEveryUpdates: 4,
        log: (line) => lines.push(line),
      }),
    )
    expect(lines[0]).toMatch(/^started from .*seed-run.out: 2\.00 epochs, \d+ updates/)
    const state = JSON.parse(readFileSync(join(root, 'from-checkpoint', 'work', 'state.json'), 'utf8')) as {
      updates: number
      framesSeen: number
      history: { nll: number }[]
    }
    expect(state.updates).toBeGreaterThan(card.training.updates)
    expect(state.framesSeen).toBe(card.training.framesSeen * 2)
    // Two more epochs from the checkpoint improve on it.
    expect(result.bestNll).toBeLessThan(first.bestNll as number)
    const other = defaultConfig({ hiddenSizes: [9, 6], dropout: 0.3 })
    await expect(train(options('wrong-shape', { config: other, init: join(root, 'seed-run', 'out') }))).rejects.toThrow(
      /another architecture/,
    )
  })

  it('adopts segmented lane plans from the next epoch when it resumes a run that predates them', async () => {
    const lines: string[] = []
    await train(options('legacy', { maxEpochs: 1 }))
    const statePath = join(root, 'legacy', 'work', 'state.json')
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as Record<string, unknown>
    delete state.segment
    delete state.segmentFromEpoch
    writeFileSync(statePath, JSON.stringify(state))
    await train(options('legacy', { segment: 6, log: (line) => lines.push(line) }))
    expect(lines).toContain('pieces longer than 6 steps will be laid out as segments from epoch 1')
    expect(JSON.parse(readFileSync(statePath, 'utf8'))).toMatchObject({ segment: 6, segmentFromEpoch: 1, epoch: 2 })
  })

  it('with two threads sharing each block (a real worker thread), trains and validates as one thread does', async () => {
    const before = tf.memory().numTensors
    // Three validation sets, each split between the threads.
    const valid = [
      validSet,
      { ...validSet, name: 'short', sequences: toyCorpus(3, 6, 12) },
      { ...validSet, name: 'long', sequences: toyCorpus(2, 40, 13) },
    ]
    await train(options('one', { evalEveryUpdates: 3, valid, segment: 6 }))
    const result = await train(options('two', { evalEveryUpdates: 3, threads: 2, valid, segment: 6 }))
    expect(result.stopped).toBe('epochs')
    expect(tf.memory().numTensors).toBe(before)
    // Summation order differs (two shard means averaged), so equal up to float32 rounding.
    expect(maxDifference(finalWeights('one'), finalWeights('two'))).toBeLessThan(1e-5)
    const one = history('one')
    const two = history('two')
    expect(two.map((h) => h.updates)).toEqual(one.map((h) => h.updates))
    two.forEach((h, i) => expect(h.nll).toBeCloseTo((one[i] as { nll: number }).nll, 4))
  }, 60_000)

  it('reports a worker that cannot start instead of hanging', async () => {
    const spec = {
      config,
      sequences: trainSet.sequences,
      batch: 4,
      window: 5,
      seed: 1,
      segment: 0,
      segmentFromEpoch: 0,
      valid: [],
      backend: 'cpu' as const,
    }
    await expect(ShardPool.start(spec, [[3, 9]])).rejects.toThrow(/training worker 1: lane range 3..9 is outside 0..4/)
    await expect(ShardPool.start(spec, [[2, 4]], new URL('data:text/javascript,process.exit(3)'))).rejects.toThrow(
      /training worker 1 exited \(code 3\)/,
    )
  }, 60_000)
})
