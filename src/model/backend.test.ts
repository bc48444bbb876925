import * as tf from './tf.ts'
import { describe, expect, it } from 'vitest'
import { BACKEND_ORDER, chooseBackend, describeBackend, parseBackendChoice } from './backend.ts'

describe('backend choice', () => {
  it('takes the fastest backend that loads and says why each faster one was skipped', async () => {
    const report = await chooseBackend()
    const index = BACKEND_ORDER.indexOf(report.active)
    expect(report.skipped.map((s) => s.choice)).toEqual(BACKEND_ORDER.slice(0, index))
    expect(tf.getBackend()).toBe(report.tfBackend)
    // wasm ships with the app, so nothing slower than it is ever needed.
    expect(index).toBeLessThanOrEqual(BACKEND_ORDER.indexOf('wasm'))
    expect(tf.sum(tf.tensor1d([1, 2, 3])).dataSync()[0]).toBe(6)
  })

  it('starts later in the order on request and reports the earlier ones as skipped by request', async () => {
    const report = await chooseBackend('cpu')
    expect(report).toMatchObject({ active: 'cpu', tfBackend: 'cpu' })
    expect(report.skipped.map((s) => s.choice)).toEqual(['node-gpu', 'node', 'webgpu', 'wasm'])
    for (const s of report.skipped) expect(s.reason).toBe('NEURAL_PIANO_BACKEND=cpu asked to start later')
    expect(describeBackend(report)).toMatch(/^cpu \(skipped node-gpu: /)
  })

  it('reads the choice from the environment, ignoring unknown names', () => {
    expect(parseBackendChoice('wasm')).toBe('wasm')
    expect(parseBackendChoice('webgl')).toBeUndefined()
    expect(parseBackendChoice(undefined)).toBeUndefined()
  })
})
