import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// scripts/ensureElectron.mjs runs before `npm start` / `npm run dev`. Each case gets a stand-in electron
// package whose install.js behaves like the real one offline, online, or is never to be called.
const script = resolve('scripts/ensureElectron.mjs')
const scratch = mkdtempSync(join(tmpdir(), 'np-electron-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function standIn(name: string, installJs: string, installed = false): string {
  const dir = join(scratch, name)
  mkdirSync(join(dir, 'dist'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }))
  writeFileSync(join(dir, 'install.js'), installJs)
  if (installed) {
    writeFileSync(join(dir, 'path.txt'), 'electron')
    writeFileSync(join(dir, 'dist', 'electron'), '')
  }
  return dir
}

function run(dir: string, lifecycle = 'prestart'): { status: number | null; out: string; ms: number } {
  const started = performance.now()
  const r = spawnSync(process.execPath, [script], {
    env: { ...process.env, NP_ELECTRON_DIR: dir, npm_lifecycle_event: lifecycle },
    encoding: 'utf8',
  })
  return { status: r.status, out: `${r.stdout}${r.stderr}`, ms: performance.now() - started }
}

describe('npm start before electron-vite', () => {
  it('offline: stops at once, says why, and points to a retry, a mirror and the browser mode', () => {
    const offline = 'console.error("TypeError: fetch failed\\n    at node:internal/deps/undici"); process.exit(1)'
    const r = run(standIn('offline', offline))
    expect(r.status).toBe(1)
    expect(r.ms).toBeLessThan(10_000)
    expect(r.out).toContain('npm start: the Electron binary could not be fetched (TypeError: fetch failed)')
    expect(r.out).toContain('ELECTRON_MIRROR=')
    expect(r.out).toContain('npm run studio')
    expect(r.out).not.toContain('at node:internal')
  })

  it('names `npm run dev` when that is what was run', () => {
    const r = run(standIn('offline-dev', 'process.exit(1)'), 'predev')
    expect(r.status).toBe(1)
    expect(r.out).toContain('npm run dev: the Electron binary could not be fetched (the installer exited with code 1)')
  })

  it("online: runs Electron's installer and goes on when the binary is in place", () => {
    const online = [
      'const { writeFileSync } = require("node:fs")',
      'writeFileSync(__dirname + "/path.txt", "electron")',
      'writeFileSync(__dirname + "/dist/electron", "")',
    ].join('\n')
    const r = run(standIn('online', online))
    expect(r.out).toContain('Fetching the Electron 45.4.1 binary')
    expect(r.status).toBe(0)
  })

  it('already installed: does not call the installer', () => {
    const r = run(standIn('installed', 'console.error("should not run"); process.exit(3)', true))
    expect(r.status).toBe(0)
    expect(r.out).toBe('')
  })

  it('an installer that claims success without a binary is still a failure', () => {
    const r = run(standIn('liar', 'process.exit(0)'))
    expect(r.status).toBe(1)
  })
})
