import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The WebGPU backend needs a GPU, which the development and CI machines lack; Debian's Chromium ships
// SwiftShader, a Vulkan driver on the CPU, that Dawn can use instead. These tests run the model code on
// it in child processes (the driver is chosen by environment variables read at process start).
const swiftShader = '/usr/lib/chromium/vk_swiftshader_icd.json'
const available = existsSync(swiftShader)
if (!available) console.log(`WebGPU tests skipped: no software Vulkan driver at ${swiftShader} (apt-get install chromium provides it)`)

function runScript(script: string): { status: number | null; json: Record<string, unknown>; output: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(script)], {
    encoding: 'utf8',
    timeout: 240_000,
    env: {
      ...process.env,
      NEURAL_PIANO_WEBGPU_SOFTWARE: '1',
      VK_ICD_FILENAMES: swiftShader,
      LD_LIBRARY_PATH: '/usr/lib/chromium',
      NEURAL_PIANO_BACKEND: '',
    },
  })
  const line = r.stdout.split('\n').find((l) => l.startsWith('{')) ?? '{}'
  return { status: r.status, json: JSON.parse(line) as Record<string, unknown>, output: `${r.stdout}\n${r.stderr}` }
}

describe.skipIf(!available)('the model on WebGPU (SwiftShader)', () => {
  it('trains, runs and evaluates both heads as on the CPU backend: every gradient within 1e-4 of its scale', () => {
    const { status, json, output } = runScript('test/webgpu/check.ts')
    expect(status, output).toBe(0)
    expect((json.report as { active: string; device: string }).active).toBe('webgpu')
    expect((json.report as { device: string }).device).toMatch(/SwiftShader/)
    const gaps = json.gaps as Record<string, number>
    expect(Object.keys(gaps).filter((k) => k.startsWith('grad ')).length).toBe(14)
    for (const [name, gap] of Object.entries(gaps)) expect(gap, name).toBeLessThan(1e-4)
  }, 240_000)

  it('the model worker measures webgpu against wasm, runs Continue on the faster, and caches the figures', () => {
    const { status, json, output } = runScript('test/webgpu/choice.ts')
    expect(status, output).toBe(0)
    const runs = json.runs as {
      status: { state: string; backend: { active: string; generation?: { lanes: number; backend: string }[] } }
      notes: number[]
    }[]
    for (const run of runs) {
      expect(run.status.state).toBe('ready')
      expect(run.status.backend.active).toBe('webgpu')
      // SwiftShader emulates the GPU on the CPU: slower than wasm at every batch.
      expect(run.status.backend.generation?.map((g) => g.backend)).toEqual(['wasm', 'wasm', 'wasm'])
      expect(run.notes.length).toBe(2)
    }
    // The second start read the figures cached by the first instead of measuring again.
    expect(runs[1]?.status.backend.generation).toEqual(runs[0]?.status.backend.generation)
    expect((json.cache as { tables: unknown[] }).tables.length).toBe(2)
  }, 240_000)
})
