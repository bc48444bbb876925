#!/usr/bin/env node
// The command-line tool runs the TypeScript sources under plain Node (through tsx), so it needs no build
// step and no Electron. Worker threads inherit the --import flag, so the model worker runs the same way.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../src/cli/index.ts', import.meta.url))
const child = spawn(process.execPath, ['--import', 'tsx', cli, ...process.argv.slice(2)], { stdio: 'inherit' })
// `kill PID` (SIGTERM) of this launcher reaches the command too, so a training run stops cleanly after
// its update. Ctrl+C already reaches both through the terminal's process group: the launcher only waits.
process.on('SIGTERM', () => child.kill('SIGTERM'))
process.on('SIGINT', () => {})
child.on('exit', (code) => process.exit(code ?? 1))
child.on('error', (error) => {
  console.error(`neural-piano: ${error.message}`)
  process.exit(1)
})
