import type { Command } from '../command.ts'
import { parseOptions } from '../args.ts'
import { appVersion } from '../../shared/version.ts'
import { describeBackend, selectBackend } from '../../model/backend.ts'

export const info: Command = {
  name: 'info',
  usage: 'neural-piano info [--json]',
  async run(args) {
    const { values } = parseOptions({ args, options: { json: { type: 'boolean' } } })
    const backend = await selectBackend()
    if (values.json) {
      console.log(JSON.stringify({ version: appVersion, backend }, null, 2))
    } else {
      console.log(`neural-piano ${appVersion}`)
      console.log(`backend: ${describeBackend(backend)}`)
      console.log(`node ${process.versions.node}`)
    }
    return 0
  },
}
