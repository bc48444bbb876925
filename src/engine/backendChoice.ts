import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { BackendChoice, GenerationBackend } from '../shared/ipc/index.ts'

/** The lane counts (variations) at which step latency is measured; others are interpolated. */
export const MEASURED_LANES = [1, 4, 8] as const

/** One backend's measured generation-step latency, ms per step by lane count. */
export interface LatencyTable {
  backend: BackendChoice
  msPerStep: Record<number, number>
}

/** What is cached in the data folder, and what it was measured for. */
export interface LatencyCache {
  /** The backends, GPU, model shape and library versions the figures belong to (see latencyKey). */
  key: string
  tables: LatencyTable[]
  /** ISO date of the measurement. */
  measuredAt: string
}

/** The cache key: the figures hold only for these backends, this GPU, this model shape and these versions. */
export function latencyKey(parts: {
  backends: string[]
  device?: string | undefined
  hiddenSizes: number[]
  heads: string[]
  versions: string
}): string {
  return JSON.stringify([parts.backends, parts.device ?? '', parts.hiddenSizes, parts.heads, parts.versions])
}

/** The latency of `table` at `lanes`, linear between measured lane counts, flat beyond them. */
export function latencyAt(table: LatencyTable, lanes: number): number {
  const points = Object.entries(table.msPerStep)
    .map(([l, ms]) => [Number(l), ms] as const)
    .sort((a, b) => a[0] - b[0])
  const first = points[0]
  if (!first) return Infinity
  if (lanes <= first[0]) return first[1]
  for (let i = 1; i < points.length; i++) {
    const [l0, m0] = points[i - 1] as readonly [number, number]
    const [l1, m1] = points[i] as readonly [number, number]
    if (lanes <= l1) return m0 + ((m1 - m0) * (lanes - l0)) / (l1 - l0)
  }
  return (points[points.length - 1] as readonly [number, number])[1]
}

/** The backend with the lowest step latency at `lanes` (the first table wins a tie). */
export function pickBackend(tables: readonly LatencyTable[], lanes: number): BackendChoice {
  let best: LatencyTable | undefined
  for (const table of tables) if (!best || latencyAt(table, lanes) < latencyAt(best, lanes)) best = table
  if (!best) throw new Error('no backend was measured')
  return best.backend
}

/** The choice per measured lane count, as the status bar, the About box and `info` show it. */
export function describeChoice(tables: readonly LatencyTable[]): GenerationBackend[] {
  return MEASURED_LANES.map((lanes) => {
    const backend = pickBackend(tables, lanes)
    const table = tables.find((t) => t.backend === backend) as LatencyTable
    return {
      lanes,
      backend,
      msPerStep: latencyAt(table, lanes),
      others: tables.filter((t) => t !== table).map((t) => ({ backend: t.backend, msPerStep: latencyAt(t, lanes) })),
    }
  })
}

/** The cached figures when they belong to `key`; undefined when missing, unreadable or stale. */
export function readLatencyCache(file: string, key: string): LatencyCache | undefined {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as LatencyCache
    return cache.key === key && Array.isArray(cache.tables) && cache.tables.length > 0 ? cache : undefined
  } catch {
    return undefined
  }
}

/** Writes the cache atomically (temporary file and rename); a failure only costs a measurement next time. */
export function writeLatencyCache(file: string, cache: LatencyCache): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(`${file}.tmp`, `${JSON.stringify(cache, null, 2)}\n`)
    renameSync(`${file}.tmp`, file)
  } catch {
    // A read-only data folder: measure again next start.
  }
}
