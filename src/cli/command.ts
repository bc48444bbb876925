/** One subcommand of the `neural-piano` command-line tool. */
export interface Command {
  /** The word that selects it, e.g. "info". */
  name: string
  /** The usage text shown by `neural-piano help NAME` and on a usage error. */
  usage: string
  /** Runs it with the arguments after its name; resolves to the process exit code. */
  run(args: string[]): Promise<number>
}

/** A subcommand as --help lists it: its module is imported only when it is used. */
export interface CommandEntry {
  /** The word that selects it. */
  name: string
  /** One line for --help. */
  summary: string
  /** Imports the command's module. */
  load(): Promise<Command>
}

/** A usage error: the CLI prints the message and the command's usage, and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
