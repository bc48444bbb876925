import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { writeLatencyCache } from '../engine/backendChoice.ts'
import { main } from './main.ts'
import { commands } from './main.ts'
import { captureConsole } from '#fixtures/console.ts'

const capture = captureConsole

afterEach(() => vi.restoreAllMocks())

/** Lines of `text` that are usage lines. */
const usageLines = (text: string) => text.split('\n').filter((line) => line.startsWith('usage:'))

describe('the neural-piano CLI', () => {
  it('lists every command in --help', async () => {
    const { out } = capture()
    await expect(main(['--help'])).resolves.toBe(0)
    for (const command of commands) expect(out.join('\n')).toContain(`  ${command.name}`)
  })

  it('rejects an unknown command with the nearest one, the command list and exit code 2', async () => {
    const { err } = capture()
    await expect(main(['contineu'])).resolves.toBe(2)
    expect(err.join('\n')).toContain('unknown command "contineu" (did you mean continue?)')
    for (const command of commands) expect(err.join('\n')).toContain(`  ${command.name}`)
  })

  it('help bogus: unknown command "bogus", the command list, exit code 2', async () => {
    const { out, err } = capture()
    await expect(main(['help', 'bogus'])).resolves.toBe(2)
    expect(err.join('\n')).toContain('unknown command "bogus"')
    expect(err.join('\n')).not.toContain('did you mean')
    for (const command of commands) expect(err.join('\n')).toContain(`  ${command.name}`)
    expect(out).toEqual([])
    await expect(main(['help', 'continue'])).resolves.toBe(0)
    expect(out.join('\n')).toContain('neural-piano continue IN.mid --bars A-B ')
  })

  it('an unknown option names the word, suggests the nearest, and prints one line of usage with exit code 2', async () => {
    const { err } = capture()
    await expect(main(['info', '--jsno'])).resolves.toBe(2)
    const printed = err.join('\n')
    expect(printed).toContain('neural-piano info: unknown option --jsno (did you mean --json?)')
    expect(usageLines(printed)).toEqual(['usage: neural-piano info [--json]'])
    expect(printed).not.toContain('commands:')
  })

  it("an option without its value says so in words, not in parseArgs' terms", async () => {
    const { err } = capture()
    await expect(main(['inspect', 'a.mid', '--json=yes'])).resolves.toBe(2)
    await expect(main(['evaluate', '--model'])).resolves.toBe(2)
    await expect(main(['evaluate', 'extra'])).resolves.toBe(2)
    const printed = err.join('\n')
    expect(printed).toContain('neural-piano inspect: --json takes no value')
    expect(printed).toContain('neural-piano evaluate: --model needs a value')
    expect(printed).toContain('neural-piano evaluate: unexpected argument "extra": this command takes options only')
    expect(usageLines(printed)).toEqual([
      'usage: neural-piano inspect FILE.mid [--json] [--sustain]',
      'usage: neural-piano evaluate --model DIR --data FILE.json [--head NAME] [--json] [--resample] (neural-piano help evaluate for all options)',
      'usage: neural-piano evaluate --model DIR --data FILE.json [--head NAME] [--json] [--resample] (neural-piano help evaluate for all options)',
    ])
    expect(printed).not.toMatch(/ERR_PARSE_ARGS|positional|<value>/)
  })

  it('info --json reports the version and the active backend with the reasons others were skipped', async () => {
    const { out } = capture()
    await expect(main(['info', '--json'])).resolves.toBe(0)
    const report = JSON.parse(out.join('\n'))
    expect(report.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(['node-gpu', 'node', 'webgpu', 'wasm', 'cpu']).toContain(report.backend.active)
    for (const skipped of report.backend.skipped) expect(skipped.reason).toBeTruthy()
  })

  it('info shows which backend Continue uses per batch, as the app last measured it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'np-info-'))
    try {
      writeLatencyCache(join(data, 'generation-latency.json'), {
        key: 'k',
        measuredAt: '2026-11-26T00:00:00.000Z',
        tables: [
          { backend: 'webgpu', msPerStep: { 1: 3, 4: 3, 8: 3 } },
          { backend: 'wasm', msPerStep: { 1: 2, 4: 4, 8: 6 } },
        ],
      })
      vi.stubEnv('NEURAL_PIANO_DATA', data)
      const { out } = capture()
      await expect(main(['info'])).resolves.toBe(0)
      expect(out.join('\n')).toContain('Continue, as measured 2026-11-26')
      expect(out.join('\n')).toContain('1 variation : wasm 2.00 ms per step, webgpu 3.00')
      expect(out.join('\n')).toContain('4 variations: webgpu 3.00 ms per step, wasm 4.00')
    } finally {
      vi.unstubAllEnvs()
      rmSync(data, { recursive: true, force: true })
    }
  })
})
