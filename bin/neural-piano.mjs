#!/usr/bin/env node
// The command-line tool: runs the bundle in out/cli, which `npm install` builds (scripts/buildCli.mjs).
// Imported in this process (no child process, no TypeScript loader): it starts fast and signals reach it directly.
import { existsSync } from 'node:fs'

const bundle = new URL('../out/cli/neural-piano.js', import.meta.url)
if (!existsSync(bundle)) {
  console.error(
    'neural-piano: the command-line tool is not built yet: run `npm run build:cli` in the neural-piano folder (npm install does it too)',
  )
  process.exit(1)
}
const { main } = await import(bundle.href)
try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  console.error(error)
  process.exitCode = 1
}
