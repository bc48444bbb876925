#!/usr/bin/env node
// Runs before `npm start` and `npm run dev`. Electron 45 no longer downloads its binary when it is
// installed; it does so the first time it is required, but electron-vite looks for the binary first and
// stops with "Electron uninstall". So: put the binary in place with Electron's own installer, and where
// that cannot work (no network, a blocked host) stop at once and say what to do instead.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** node_modules/electron (NP_ELECTRON_DIR points elsewhere: the tests use a stand-in package). */
const electronDir = process.env.NP_ELECTRON_DIR ?? dirname(createRequire(import.meta.url).resolve('electron/package.json'))
const command = process.env.npm_lifecycle_event === 'predev' ? 'npm run dev' : 'npm start'

function installed() {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return false
  return existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))
}

if (installed()) process.exit(0)

const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
console.log(`Fetching the Electron ${version} binary (once, about 100 MB)...`)
const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
  timeout: 15 * 60_000,
})
if (result.status === 0 && installed()) process.exit(0)

const output = `${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`
const reason =
  output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('at ')) ?? `the installer exited with code ${result.status}`
console.error(
  [
    '',
    `${command}: the Electron binary could not be fetched (${reason}).`,
    'Electron downloads its binary from GitHub the first time the app starts, and this machine could not get it.',
    'What you can do:',
    `  - on a machine with internet access, run \`${command}\` again;`,
    `  - behind a firewall, fetch it from a mirror: ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ ${command}`,
    '  - or open the same app in your web browser, no Electron needed: npm run studio',
    '',
  ].join('\n'),
)
process.exit(1)
