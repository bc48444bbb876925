import type { Command } from '../command.ts'
import { info } from './info.ts'
import { trainCommand } from './train.ts'
import { evaluateCommand } from './evaluate.ts'
import { inspect } from './inspect.ts'
import { continueCommand } from './continue.ts'
import { studioCommand } from './studio.ts'

/** Every subcommand, in the order --help lists them. */
export const commands: Command[] = [info, inspect, trainCommand, evaluateCommand, continueCommand, studioCommand]
