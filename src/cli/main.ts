import { UsageError, type CommandEntry } from './command.ts'
import { appVersion } from '../shared/version.ts'
import { describeParseError } from './args.ts'
import { unknownCommand, usageLine, withCommands } from './usage.ts'

/**
 * Every subcommand, in the order --help lists them. Each is imported only when it runs, so that
 * `--help` and `info` start without loading TensorFlow.js or the MIDI code they do not use.
 */
export const commands: CommandEntry[] = [
  {
    name: 'info',
    summary: 'print the version and the TensorFlow.js backend in use',
    load: async () => (await import('./commands/info.ts')).info,
  },
  {
    name: 'inspect',
    summary: 'print what the importer makes of a MIDI file: tracks, notes, tempo, meter, report',
    load: async () => (await import('./commands/inspect.ts')).inspect,
  },
  {
    name: 'train',
    summary: 'train or resume an LSTM on piano-roll JSON datasets',
    load: async () => (await import('./commands/train.ts')).trainCommand,
  },
  {
    name: 'evaluate',
    summary: 'frame-level NLL (nats) and expected frame accuracy of a checkpoint on a piano-roll JSON file',
    load: async () => (await import('./commands/evaluate.ts')).evaluateCommand,
  },
  {
    name: 'continue',
    summary: 'continue bars of a MIDI file with the model, writing the candidates as tracks',
    load: async () => (await import('./commands/continue.ts')).continueCommand,
  },
  {
    name: 'studio',
    summary: 'run the editor in your browser, served on 127.0.0.1',
    load: async () => (await import('./commands/studio.ts')).studioCommand,
  },
]

function help(): string {
  return withCommands(
    [`neural-piano ${appVersion}: a piano-roll LSTM that continues your music`, '', 'usage: neural-piano <command> [options]'],
    commands,
  )
}

/** Runs the CLI with the given arguments (without node and the script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || (name === 'help' && (!rest[0] || rest[0] === 'help'))) {
    console.log(help())
    return 0
  }
  if (name === '--version' || name === '-v') {
    console.log(appVersion)
    return 0
  }
  const word = name === 'help' ? (rest[0] as string) : name
  const entry = commands.find((c) => c.name === word)
  if (!entry) {
    console.error(unknownCommand(word, commands))
    return 2
  }
  const command = await entry.load()
  if (name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage)
    return 0
  }
  try {
    return await command.run(rest)
  } catch (caught) {
    // Usage errors (exit 2) name what was typed and end with one line of usage; failures exit 1.
    const error = describeParseError(caught, rest)
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof UsageError) {
      console.error(`neural-piano ${name}: ${message}\n${usageLine(command)}`)
      return 2
    }
    console.error(`neural-piano ${name}: ${message}`)
    return 1
  }
}
