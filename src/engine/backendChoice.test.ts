import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  describeChoice,
  latencyAt,
  latencyKey,
  pickBackend,
  readLatencyCache,
  writeLatencyCache,
  type LatencyTable,
} from './backendChoice.ts'

const scratch = mkdtempSync(join(tmpdir(), 'np-choice-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

// A GPU with a fixed per-step cost against a CPU whose cost grows with the batch: they cross at 4 lanes.
const gpu: LatencyTable = { backend: 'webgpu', msPerStep: { 1: 3, 4: 3, 8: 3.2 } }
const wasm: LatencyTable = { backend: 'wasm', msPerStep: { 1: 2, 4: 3.5, 8: 6 } }

describe('choosing the generation backend', () => {
  it('interpolates between measured lane counts and holds flat beyond them', () => {
    expect(latencyAt(wasm, 1)).toBe(2)
    expect(latencyAt(wasm, 2)).toBeCloseTo(2.5)
    expect(latencyAt(wasm, 6)).toBeCloseTo(4.75)
    expect(latencyAt(wasm, 16)).toBe(6)
  })

  it('takes whichever is faster at the batch asked for', () => {
    expect(pickBackend([gpu, wasm], 1)).toBe('wasm')
    expect(pickBackend([gpu, wasm], 2)).toBe('wasm')
    expect(pickBackend([gpu, wasm], 4)).toBe('webgpu')
    expect(pickBackend([gpu, wasm], 8)).toBe('webgpu')
    expect(describeChoice([gpu, wasm]).map((c) => `${c.lanes}:${c.backend}`)).toEqual(['1:wasm', '4:webgpu', '8:webgpu'])
  })

  it('keeps the figures for the same backends, GPU, model and versions only', () => {
    const file = join(scratch, 'generation-latency.json')
    const key = latencyKey({
      backends: ['webgpu', 'wasm'],
      device: 'NVIDIA H100',
      hiddenSizes: [1024, 1024],
      heads: ['nade'],
      versions: '4.22.0',
    })
    writeLatencyCache(file, { key, tables: [gpu, wasm], measuredAt: '2026-11-26' })
    expect(readLatencyCache(file, key)?.tables).toEqual([gpu, wasm])
    const otherGpu = latencyKey({
      backends: ['webgpu', 'wasm'],
      device: 'NVIDIA H200',
      hiddenSizes: [1024, 1024],
      heads: ['nade'],
      versions: '4.22.0',
    })
    expect(readLatencyCache(file, otherGpu)).toBeUndefined()
    writeFileSync(file, 'not json')
    expect(readLatencyCache(file, key)).toBeUndefined()
    expect(readLatencyCache(join(scratch, 'missing.json'), key)).toBeUndefined()
  })
})
