// Markdown tables of bench:music: one per set, a row per measure, a column per way of continuing.
import type { MusicSummary } from '../src/engine/evaluation/scoreMusic.ts'

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`
const num = (x: number, digits = 2): string => x.toFixed(digits)

/** The rows: a label and how a summary shows in it. */
const ROWS: Array<[string, (s: MusicSummary) => string]> = [
  ['density ratio (notes written / real)', (s) => num(s.densityRatio)],
  ['keys per frame, bar by bar', (s) => s.polyphony.map((p) => num(p, 1)).join(' → ')],
  ['pitch-class cosine vs the real bars', (s) => num(s.pitchClassCosine)],
  ['frame F1 vs the real bars', (s) => num(s.f1, 3)],
  ["notes in the primer's 7 main pitch classes", (s) => pct(s.inKeyShare)],
  ['frames with two keys a semitone apart', (s) => pct(s.clashShare)],
  ['top voice: steps (1-2) / leaps > a fifth', (s) => `${pct(s.topStepShare)} / ${pct(s.topLeapShare)}`],
  ["notes outside the primer's range", (s) => pct(s.outsideRangeShare)],
  ['notes held for the whole window', (s) => pct(s.heldThroughoutShare)],
  ['ms per continuation (all variations)', (s) => (s.ms > 0 ? num(s.ms, 0) : '')],
]

/** One markdown table: `columns` are [name, summary] pairs. */
export function musicTable(title: string, columns: ReadonlyArray<[string, MusicSummary]>): string {
  const header = `| ${title} | ${columns.map(([name]) => name).join(' | ')} |`
  const rule = `|---|${columns.map(() => '---').join('|')}|`
  const rows = ROWS.map(([label, show]) => `| ${label} | ${columns.map(([, summary]) => show(summary)).join(' | ')} |`)
  return [header, rule, ...rows].join('\n')
}
