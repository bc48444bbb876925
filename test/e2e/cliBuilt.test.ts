import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// The built CLI (out/cli, made by `npm run build` and by `npm install`'s prepare step) as an installed
// command runs it: through a symlink in another folder's bin (what `npm link` and global installs make),
// from a working directory that is not the checkout.
const scratch = mkdtempSync(join(tmpdir(), 'np-cli-built-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const bin = join(scratch, 'bin')
mkdirSync(bin)
symlinkSync(resolve('bin/neural-piano.mjs'), join(bin, 'neural-piano'))

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(bin, 'neural-piano'), ...args], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, NEURAL_PIANO_BACKEND: 'cpu' },
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('the built neural-piano command', () => {
  it('runs from another folder through a linked bin, without tsx', () => {
    const help = cli('--help')
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('usage: neural-piano <command>')
    const sources = readdirSync(resolve('out/cli')).filter((f) => f.endsWith('.js'))
    for (const file of sources) expect(readFileSync(resolve('out/cli', file), 'utf8')).not.toMatch(/from ["']tsx|import\(["']tsx/)
    expect(readFileSync(resolve('bin/neural-piano.mjs'), 'utf8')).not.toContain('tsx')
  })

  it('loads its commands from the bundle there', () => {
    const info = cli('info', '--json')
    expect(info.status).toBe(0)
    expect(JSON.parse(info.stdout).backend.active).toBe('cpu')
    const r = cli('help', 'continue')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('neural-piano continue')
  })
})
