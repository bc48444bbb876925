import { UsageError } from './command.ts'

/** A numeric option: `fallback` when absent, a usage error naming --`name` when not a finite number. */
export function numberOption<F extends number | undefined>(value: string | undefined, fallback: F, name: string): number | F {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not "${value}"`)
  return n
}
