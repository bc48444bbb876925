import { UsageError } from './command.ts'

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
export function boundedOption<F extends number | undefined>(value: string | undefined, fallback: F, name: string, bounds: Bounds): number | F {
  if (value === undefined) return fallback
  const n = value.trim() === '' ? NaN : Number(value)
  if (!withinBounds(n, bounds)) throw new UsageError(`--${name} ${shown(value)}: give ${describeBounds(bounds)}`)
  return n
}
