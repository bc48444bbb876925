import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ModelHost } from './host.ts'
import { workerSourceEntry } from './workerSource.ts'

describe('ModelHost', () => {
  it('starts the worker, which selects a backend off the main thread and reports ready', async () => {
    const host = new ModelHost(workerSourceEntry)
    const seen: string[] = []
    host.onStatus((status) => seen.push(status.state))
    try {
      const status = await host.settled()
      expect(status).toMatchObject({ state: 'ready', backend: { active: expect.stringMatching(/^(node-gpu|node|wasm|cpu)$/) } })
      expect(seen.at(-1)).toBe('ready')
    } finally {
      await host.dispose()
    }
  })

  it('reports an error status, without throwing, when the worker cannot start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'np-host-'))
    const broken = join(dir, 'broken.mjs')
    writeFileSync(broken, 'throw new Error("checkpoint exploded")\n')
    const host = new ModelHost(pathToFileURL(broken))
    try {
      const status = await host.settled()
      expect(status).toEqual({ state: 'error', error: 'model worker failed: checkpoint exploded' })
    } finally {
      await host.dispose()
    }
  })
})
