import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './command.ts'
import { didYouMean } from './suggest.ts'

type OptionSpecs = NonNullable<ParseArgsConfig['options']>

/** The spellings of every option, e.g. ["--bars", "--output", "-o"], for suggestions. */
function spellings(options: OptionSpecs): string[] {
  return Object.entries(options).flatMap(([name, spec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])])
}

/** The spelling the user typed of the option Node's message names (`-o` rather than `--output`). */
function typedFlag(message: string, args: readonly string[], options: OptionSpecs): string {
  const long = /--([\w-]+)/.exec(message)?.[1] ?? ''
  const short = options[long]?.short
  return (
    args.find((a) => a === `--${long}` || a.startsWith(`--${long}=`) || (short !== undefined && a === `-${short}`))?.split('=')[0] ??
    `--${long}`
  )
}

/**
 * Node's parse errors in the user's words: "unknown option --temperture (did you mean --temperature?)",
 * "--bars needs a value". Errors that are not parse errors come back unchanged.
 */
export function describeParseError(error: unknown, args: readonly string[], options: OptionSpecs = {}): unknown {
  const code = (error as { code?: string }).code
  const message = error instanceof Error ? error.message : String(error)
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? ''
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${quoted}${didYouMean(quoted, spellings(options))}`)
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument "${quoted}": this command takes options only`)
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = typedFlag(message, args, options)
      if (/does not take an argument/.test(message)) return new UsageError(`${flag} takes no value`)
      const next = args[args.indexOf(flag) + 1]
      if (next?.startsWith('-'))
        return new UsageError(
          `${flag} needs a value; "${next}" reads as an option (write ${flag}=${next} for a value that starts with "-")`,
        )
      return new UsageError(`${flag} needs a value`)
    }
    default:
      return error
  }
}

/** `parseArgs` (strict) whose errors are usage errors in the user's words; see describeParseError. */
export function parseOptions<T extends ParseArgsConfig & { args: string[]; options: OptionSpecs }>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (error) {
    throw describeParseError(error, config.args, config.options)
  }
}

/** A numeric option: `fallback` when absent, a usage error naming --`name` and the value when not a finite number. */
export function numberOption<F extends number | undefined>(value: string | undefined, fallback: F, name: string): number | F {
  if (value === undefined) return fallback
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} ${shown(value)}: give a number`)
  return n
}

/** What a bounded option allows. */
export interface Bounds {
  /** Smallest allowed value (inclusive). */
  min: number
  /** Largest allowed value (inclusive); absent = no upper bound. */
  max?: number
  /** Whole numbers only. */
  integer?: boolean
  /** Strictly above `min` (a learning rate may be tiny, not 0). */
  aboveMin?: boolean
}

/** "a whole number from 1 to 32", "a number above 0", ... */
export function describeBounds({ min, max, integer, aboveMin }: Bounds): string {
  const kind = integer ? 'a whole number' : 'a number'
  if (aboveMin) return max === undefined ? `${kind} above ${min}` : `${kind} above ${min} and at most ${max}`
  return max === undefined ? `${kind} of at least ${min}` : `${kind} from ${min} to ${max}`
}

/** Whether `n` is within `bounds`. */
export function withinBounds(n: number, bounds: Bounds): boolean {
  const { min, max, integer, aboveMin } = bounds
  return Number.isFinite(n) && (!integer || Number.isInteger(n)) && (aboveMin ? n > min : n >= min) && (max === undefined || n <= max)
}

/** The word the user typed, quoted when it would not read as one word. */
export function shown(value: string): string {
  return /^[\w.,:/+-]+$/.test(value) ? value : JSON.stringify(value)
}

/**
 * A bounded numeric option: `fallback` when absent, else the number, or a usage error that names the
 * option, the value typed and what is allowed ("--write 40: give a whole number from 1 to 32").
 */
export function boundedOption<F extends number | undefined>(
  value: string | undefined,
  fallback: F,
  name: string,
  bounds: Bounds,
): number | F {
  if (value === undefined) return fallback
  const n = value.trim() === '' ? NaN : Number(value)
  if (!withinBounds(n, bounds)) throw new UsageError(`--${name} ${shown(value)}: give ${describeBounds(bounds)}`)
  return n
}

/**
 * An option with named values: `fallback` when absent, else the value meant, or a usage error that
 * names the option and the values it takes (with the nearest, for a typo). `choices` maps what the user
 * may type to what it means.
 */
export function choiceOption<T, F extends T | undefined>(
  value: string | undefined,
  fallback: F,
  name: string,
  choices: Readonly<Record<string, T>>,
): T | F {
  if (value === undefined) return fallback
  const words = Object.keys(choices)
  if (Object.hasOwn(choices, value)) return choices[value] as T
  throw new UsageError(`--${name} ${shown(value)}: give ${words.slice(0, -1).join(', ')} or ${words.at(-1)}${didYouMean(value, words)}`)
}
