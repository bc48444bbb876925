import type { Command, CommandEntry } from './command.ts'
import { didYouMean } from './suggest.ts'

/** The one line printed under a usage error: the first line of the command's usage and where the rest is. */
export function usageLine(command: Pick<Command, 'name' | 'usage'>): string {
  const synopsis = command.usage.split('\n')[0]?.trim() ?? `neural-piano ${command.name}`
  return command.usage.includes('\n') ? `usage: ${synopsis} (neural-piano help ${command.name} for all options)` : `usage: ${synopsis}`
}

/** The commands, one per line with their summaries, as --help lists them. */
export function commandList(commands: readonly Pick<CommandEntry, 'name' | 'summary'>[]): string[] {
  const width = Math.max(...commands.map((c) => c.name.length))
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)
}

/** `headline` over the command list and where each command's options are: what --help and an unknown command print. */
export function withCommands(headline: string[], commands: readonly Pick<CommandEntry, 'name' | 'summary'>[]): string {
  return [...headline, '', 'commands:', ...commandList(commands), '', "neural-piano help <command> shows a command's options."].join('\n')
}

/** What an unknown command word prints: the word, the nearest command, and the list. */
export function unknownCommand(word: string, commands: readonly Pick<CommandEntry, 'name' | 'summary'>[]): string {
  const names = commands.map((c) => c.name)
  return withCommands([`neural-piano: unknown command "${word}"${didYouMean(word, names)}`], commands)
}
