import { afterEach, describe, expect, it, vi } from 'vitest'
import { main } from './main.ts'
import { commands } from './commands/index.ts'
import { captureConsole } from './testing.ts'

const capture = captureConsole

afterEach(() => vi.restoreAllMocks())

describe('the neural-piano CLI', () => {
  it('lists every command in --help', async () => {
    const { out } = capture()
    await expect(main(['--help'])).resolves.toBe(0)
    for (const command of commands) expect(out.join('\n')).toContain(`  ${command.name}`)
  })

  it('rejects an unknown command with exit code 2', async () => {
    const { err } = capture()
    await expect(main(['frobnicate'])).resolves.toBe(2)
    expect(err.join('\n')).toContain('unknown command "frobnicate"')
  })

  it('rejects an unknown option with its usage and exit code 2', async () => {
    const { err } = capture()
    await expect(main(['info', '--colour'])).resolves.toBe(2)
    expect(err.join('\n')).toContain('usage: neural-piano info')
  })

  it('info --json reports the version and the active backend with the reasons others were skipped', async () => {
    const { out } = capture()
    await expect(main(['info', '--json'])).resolves.toBe(0)
    const report = JSON.parse(out.join('\n'))
    expect(report.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(['node-gpu', 'node', 'webgpu', 'wasm', 'cpu']).toContain(report.backend.active)
    for (const skipped of report.backend.skipped) expect(skipped.reason).toBeTruthy()
  })
})
