import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Command } from '../command.ts'
import { parseOptions } from '../args.ts'
import { appVersion } from '../../shared/version.ts'
import { describeBackend, selectBackend } from '../../model/backend.ts'
import { describeChoice, type LatencyCache } from '../../engine/backendChoice.ts'
import { defaultDataDir } from '../../studio/dataDir.ts'

/** The generation latencies the app measured last (where a GPU backend was active), if any. */
function measuredChoice(): (LatencyCache & { file: string }) | undefined {
  const file = join(defaultDataDir(), 'generation-latency.json')
  try {
    return { ...(JSON.parse(readFileSync(file, 'utf8')) as LatencyCache), file }
  } catch {
    return undefined
  }
}

export const info: Command = {
  name: 'info',
  usage: 'neural-piano info [--json]',
  async run(args) {
    const { values } = parseOptions({ args, options: { json: { type: 'boolean' } } })
    const backend = await selectBackend()
    const measured = measuredChoice()
    if (values.json) {
      console.log(
        JSON.stringify(
          { version: appVersion, backend, ...(measured ? { generation: { ...measured, choice: describeChoice(measured.tables) } } : {}) },
          null,
          2,
        ),
      )
    } else {
      console.log(`neural-piano ${appVersion}`)
      console.log(`backend: ${describeBackend(backend)}`)
      if (measured) {
        console.log(`Continue, as measured ${measured.measuredAt.slice(0, 10)} (${measured.file}):`)
        for (const c of describeChoice(measured.tables))
          console.log(
            `  ${c.lanes} variation${c.lanes === 1 ? ' ' : 's'}: ${c.backend} ${c.msPerStep.toFixed(2)} ms per step${c.others.map((o) => `, ${o.backend} ${o.msPerStep.toFixed(2)}`).join('')}`,
          )
      } else if (backend.active === 'webgpu' || backend.active === 'node-gpu') {
        console.log('Continue: the app measures a step on each backend when it first loads the model, and uses the faster per batch')
      }
      console.log(`node ${process.versions.node}`)
    }
    return 0
  },
}
