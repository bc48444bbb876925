import { commands } from './commands/index.ts'
import { UsageError } from './command.ts'
import { appVersion } from '../shared/version.ts'

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    `neural-piano ${appVersion}: a piano-roll LSTM that continues your music`,
    '',
    'usage: neural-piano <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'neural-piano help <command> shows a command\'s options.',
  ].join('\n')
}

/** Runs the CLI with the given arguments (without node and the script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined
    console.log(topic ? (await topic.load()).usage : help())
    return 0
  }
  if (name === '--version' || name === '-v') {
    console.log(appVersion)
    return 0
  }
  const entry = commands.find((c) => c.name === name)
  if (!entry) {
    console.error(`unknown command "${name}"\n\n${help()}`)
    return 2
  }
  const command = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage)
    return 0
  }
  try {
    return await command.run(rest)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${message}\nusage: ${command.usage}`)
      return 2
    }
    console.error(`neural-piano ${name}: ${message}`)
    return 1
  }
}
