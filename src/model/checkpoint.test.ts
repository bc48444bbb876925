import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tf from './tf.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCheckpoint, saveCheckpoint } from './checkpoint.ts'
import { defaultConfig } from './config.ts'
import { toFloat16Bits } from './float16.ts'
import { useCpuBackend } from '#fixtures/toyCorpus.ts'
import { disposeWeights, initWeights, namedWeights } from './weights.ts'

const dir = mkdtempSync(join(tmpdir(), 'np-checkpoint-'))
beforeAll(useCpuBackend)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const config = defaultConfig({ hiddenSizes: [24, 16] })

function values(weights: ReturnType<typeof initWeights>): Map<string, Float32Array> {
  return new Map([...namedWeights(weights)].map(([name, t]) => [name, t.dataSync() as Float32Array]))
}

describe('checkpoints', () => {
  it.each([
    ['the independent head', config],
    ['both heads', defaultConfig({ hiddenSizes: [24, 16], heads: ['nade', 'independent'], nadeHidden: 10 })],
  ])('round-trips float32 weights bit for bit, with the config, with %s', async (label, config) => {
    const weights = initWeights(config, 5)
    await saveCheckpoint(join(dir, `f32-${label}`), config, weights, 'float32')
    const loaded = loadCheckpoint(join(dir, `f32-${label}`))
    expect(loaded.config).toEqual(config)
    expect([...namedWeights(loaded.weights).keys()]).toEqual([...namedWeights(weights).keys()])
    const a = values(weights)
    for (const [name, b] of values(loaded.weights))
      expect(Buffer.from(b.buffer).equals(Buffer.from((a.get(name) as Float32Array).buffer)), name).toBe(true)
    disposeWeights(weights)
    disposeWeights(loaded.weights)
  })

  it('round-trips float16 weights within half-precision error, at half the size, in tfjs manifest form', async () => {
    const weights = initWeights(config, 6)
    const before = tf.memory().numTensors
    await saveCheckpoint(join(dir, 'f16'), config, weights, 'float16')
    expect(readdirSync(join(dir, 'f16')).sort()).toEqual(['config.json', 'group1-shard1of1.bin', 'model.json'])
    const loaded = loadCheckpoint(join(dir, 'f16'))
    const a = values(weights)
    for (const [name, b] of values(loaded.weights)) {
      const ref = a.get(name) as Float32Array
      b.forEach((x, i) => expect(Math.abs(x - (ref[i] as number))).toBeLessThanOrEqual(Math.abs(ref[i] as number) * 2 ** -11 + 2 ** -24))
    }
    disposeWeights(loaded.weights)
    expect(tf.memory().numTensors).toBe(before)
    disposeWeights(weights)
  })

  it('converts to float16 with round-to-nearest-even, subnormals and overflow', () => {
    const bits = toFloat16Bits(new Float32Array([0, -0, 1, -2, 65504, 1e6, 2 ** -24, 2 ** -25, 1 + 2 ** -11, 1 + 3 * 2 ** -11, 0.1]))
    expect([...bits]).toEqual([0, 0x8000, 0x3c00, 0xc000, 0x7bff, 0x7c00, 0x0001, 0x0000, 0x3c00, 0x3c02, 0x2e66])
  })
})
