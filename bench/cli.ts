// npm run bench:cli: how fast the built command-line tool starts, against a bare `node -e 0` measured in
// the same run (alternating, so a busy machine slows all of them alike). Run from another folder, as an
// installed `neural-piano` would be.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const launcher = resolve('bin/neural-piano.mjs')
if (!existsSync(resolve('out/cli/neural-piano.js'))) {
  console.error('bench:cli: build the CLI first (npm run build:cli)')
  process.exit(1)
}
const elsewhere = mkdtempSync(join(tmpdir(), 'np-bench-cli-'))
const runs = Number(process.argv[2] ?? 11)
const cases: [string, string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['neural-piano --help', [launcher, '--help']],
  ['neural-piano info', [launcher, 'info']],
]
const times = new Map<string, number[]>(cases.map(([name]) => [name, []]))
for (let i = 0; i < runs; i++) {
  for (const [name, args] of cases) {
    const started = performance.now()
    const r = spawnSync(process.execPath, args, { cwd: elsewhere, encoding: 'utf8' })
    const ms = performance.now() - started
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`)
    times.get(name)?.push(ms)
  }
}
rmSync(elsewhere, { recursive: true, force: true })
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const base = median(times.get('node -e 0') as number[])
console.log(`CLI start-up, median of ${runs} runs from another folder (node ${process.versions.node}):`)
for (const [name] of cases) {
  const m = median(times.get(name) as number[])
  const extra = name === 'node -e 0' ? '' : ` = node + ${(m - base).toFixed(0)} ms (target: within ~300 ms)`
  console.log(`  ${name.padEnd(22)} ${m.toFixed(0).padStart(5)} ms${extra}`)
}
