import type { Command } from '../command.ts'
import { info } from './info.ts'

/** Every subcommand, in the order --help lists them. */
export const commands: Command[] = [info]
