import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The folder of neural-piano's package.json, found by walking up from `from` (a module's URL), so
 * that it is right whether the CLI runs from its sources or from a bundle, and whatever the cwd.
 */
export function packageRoot(from: string = import.meta.url): string {
  let folder = dirname(fileURLToPath(from))
  for (;;) {
    const manifest = join(folder, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'neural-piano') return folder
    const parent = dirname(folder)
    if (parent === folder) throw new Error(`no neural-piano package.json above ${fileURLToPath(from)}`)
    folder = parent
  }
}
