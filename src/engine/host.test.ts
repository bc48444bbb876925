import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTinyCheckpoint } from '#fixtures/tinyCheckpoint.ts'
import { ModelHost } from './host.ts'
import { continueRequest } from '#fixtures/primers.ts'
import { modelWorkerEntry } from '../workers/entries.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

const scratch = tempFolder('np-host-')

describe('ModelHost with a checkpoint', () => {
  let host: ModelHost
  beforeAll(async () => {
    const modelDir = join(scratch, 'tiny')
    await createTinyCheckpoint(modelDir)
    host = new ModelHost(modelWorkerEntry, { modelDir })
  })
  afterAll(() => host.dispose())

  it('loads the backend and the checkpoint off the main thread and reports ready', async () => {
    const status = await host.settled()
    expect(status).toMatchObject({
      state: 'ready',
      backend: { active: expect.stringMatching(/^(node-gpu|node|wasm|cpu)$/) },
      model: { name: 'tiny', stepsPerQuarter: 2, hiddenSizes: [16, 16] },
    })
  })

  it('continues a request in the worker, with progress, reproducibly', async () => {
    const progress: number[] = []
    const a = await host.generate(continueRequest({ requestId: 'a', variations: 3 }), (done) => progress.push(done))
    const b = await host.generate(continueRequest({ requestId: 'b', variations: 3 }))
    expect(a.requestId).toBe('a')
    expect(a.candidates).toHaveLength(3)
    expect(b.candidates).toEqual(a.candidates)
    expect(progress.at(-1)).toBe(2 * 4 * 2) // 2 bars of 4/4 at an eighth note per frame
    expect(a.startTick).toBe(4 * 1920)
  })

  it('cancels a running generation within a step, and a queued one at once', async () => {
    let steps = 0
    const running = host.generate(continueRequest({ requestId: 'long', barsToWrite: 32, variations: 8 }), () => {
      steps++
      if (steps === 2) host.cancel('long')
    })
    const queued = expect(host.generate(continueRequest({ requestId: 'queued' }))).rejects.toThrow('the generation was cancelled')
    expect(host.cancel('queued')).toBe(true)
    await expect(running).rejects.toThrow('the generation was cancelled')
    await queued
    // The worker checks for a cancel before every step; progress messages already in flight still arrive.
    expect(steps).toBeLessThan(64) // of 32 bars * 16 = 512 steps
    expect(host.cancel('nothing-running')).toBe(false)
    await expect(host.generate(continueRequest({ requestId: 'after' }))).resolves.toMatchObject({ requestId: 'after' })
  })

  it('leaves no tensors behind in the worker after generating and cancelling', async () => {
    await host.generate(continueRequest({ requestId: 'warm' }))
    const before = await host.memory()
    await host.generate(continueRequest({ requestId: 'm1', variations: 8, barsToWrite: 4 }))
    let steps = 0
    await expect(
      host.generate(continueRequest({ requestId: 'm2', barsToWrite: 16 }), () => ++steps === 3 && host.cancel('m2')),
    ).rejects.toThrow('cancelled')
    expect(await host.memory()).toEqual(before)
  })

  it('refuses a second generation with the same id while the first runs', async () => {
    const first = host.generate(continueRequest({ requestId: 'same' }))
    await expect(host.generate(continueRequest({ requestId: 'same' }))).rejects.toThrow('already running')
    await first
  })

  it('answers a request it cannot continue with the reason', async () => {
    await expect(host.generate(continueRequest({ requestId: 'empty', notes: [] }))).rejects.toThrow(
      'the selected bars hold no piano notes to continue',
    )
  })
})

describe('ModelHost without a usable model', () => {
  it('reports a missing model folder and refuses to generate, without throwing', async () => {
    const host = new ModelHost(modelWorkerEntry, { modelDir: join(scratch, 'missing') })
    try {
      const status = await host.settled()
      expect(status).toMatchObject({
        state: 'error',
        error: `no model folder at ${join(scratch, 'missing')}`,
        backend: { active: expect.any(String) },
      })
      await expect(host.generate(continueRequest())).rejects.toThrow('no model: no model folder at')
    } finally {
      await host.dispose()
    }
  })

  it('reports a truncated checkpoint', async () => {
    const modelDir = join(scratch, 'truncated')
    await createTinyCheckpoint(modelDir)
    writeFileSync(join(modelDir, 'group1-shard1of1.bin'), new Uint8Array(10))
    const host = new ModelHost(modelWorkerEntry, { modelDir })
    try {
      const status = await host.settled()
      expect(status).toMatchObject({ state: 'error', error: expect.stringContaining('cannot be loaded') })
    } finally {
      await host.dispose()
    }
  })

  it('reports a checkpoint whose config does not match its weights, and one that is not JSON', async () => {
    const mismatched = join(scratch, 'mismatched')
    await createTinyCheckpoint(mismatched)
    const config = JSON.parse(readFileSync(join(mismatched, 'config.json'), 'utf8'))
    writeFileSync(join(mismatched, 'config.json'), JSON.stringify({ ...config, hiddenSizes: [32, 32] }))
    const garbled = join(scratch, 'garbled')
    await createTinyCheckpoint(garbled)
    writeFileSync(join(garbled, 'config.json'), '{"format": "neural-piano-lstm/1", ')
    for (const [modelDir, expected] of [
      [mismatched, /cannot be loaded: .*shape/],
      [garbled, /cannot be loaded/],
    ] as const) {
      const host = new ModelHost(modelWorkerEntry, { modelDir })
      try {
        expect(await host.settled()).toMatchObject({ state: 'error', error: expect.stringMatching(expected) })
      } finally {
        await host.dispose()
      }
    }
  })

  it('reports a worker that cannot start, and fails pending work with the reason', async () => {
    const broken = join(scratch, 'broken.mjs')
    writeFileSync(broken, 'throw new Error("checkpoint exploded")\n')
    const host = new ModelHost(pathToFileURL(broken))
    try {
      const status = await host.settled()
      expect(status).toEqual({ state: 'error', error: 'model worker failed: checkpoint exploded' })
      await expect(host.generate(continueRequest())).rejects.toThrow()
    } finally {
      await host.dispose()
    }
  })
})
