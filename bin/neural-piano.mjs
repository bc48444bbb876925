#!/usr/bin/env node
// The command-line tool runs the TypeScript sources under plain Node (through tsx), so it needs no build
// step and no Electron. Worker threads inherit the --import flag, so the model worker runs the same way.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../src/cli/index.ts', import.meta.url))
const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(result.status ?? 1)
