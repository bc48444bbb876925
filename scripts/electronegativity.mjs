// The security gate in `npm test`: runs @doyensec/electronegativity over the built app (out/) and the
// sources (src/), and fails on any HIGH or MEDIUM finding that the allow-list below does not explain.
// electronegativity itself exits 0 whatever it finds, so its CSV report is parsed here.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** Findings that were reviewed, with the reason each is acceptable. */
const allowed = {
  PRELOAD_JS_CHECK:
    'A review reminder, not a flaw: the preload (src/preload) is a sandboxed CommonJS file that exposes one function per IPC channel through contextBridge and never ipcRenderer itself; main validates every message (src/main/registerIpc.ts, src/services/dispatch.ts).',
}

const require = createRequire(import.meta.url)
const cli = require.resolve('@doyensec/electronegativity/dist/index.js')
const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version

function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++)
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') (row.push(field.trim()), (field = ''))
    else if (c === '\n') (row.push(field.trim()), rows.push(row), (row = []), (field = ''))
    else if (c !== '\r') field += c
  }
  if (field || row.length) (row.push(field.trim()), rows.push(row))
  return rows
}

mkdirSync('test/output', { recursive: true })
let failures = 0
for (const input of ['out', 'src']) {
  const report = join('test/output', `electronegativity-${input}.csv`)
  // -e: the installed Electron version (it cannot look up releases offline); -v false: terse output.
  execFileSync(process.execPath, [cli, '-i', input, '-e', electronVersion, '-o', report, '-v', 'false'], {
    stdio: ['ignore', 'ignore', 'ignore'],
    timeout: 300_000,
  })
  const [, ...findings] = parseCsv(readFileSync(report, 'utf8')).filter((row) => row.length > 3)
  for (const [check, severity, confidence, file, location] of findings) {
    const serious = severity === 'HIGH' || severity === 'MEDIUM'
    const reason = allowed[check]
    const verdict = !serious ? 'low' : reason ? 'allowed' : 'FAIL'
    if (verdict === 'FAIL') failures++
    console.log(
      `${verdict.padEnd(7)} ${check} ${severity}/${confidence} ${file}:${location}${verdict === 'allowed' ? ` (${reason.split(':')[0]})` : ''}`,
    )
  }
  console.log(`electronegativity over ${input}/: ${findings.length} finding(s), report in ${report}`)
}
if (failures > 0) {
  console.error(`${failures} HIGH or MEDIUM finding(s) not on the allow-list (scripts/electronegativity.mjs)`)
  process.exit(1)
}
