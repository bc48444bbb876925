import type { Command } from '../command.ts'
import { info } from './info.ts'
import { inspect } from './inspect.ts'

/** Every subcommand, in the order --help lists them. */
export const commands: Command[] = [info, inspect]
