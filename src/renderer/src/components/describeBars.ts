import type { BarRange } from '$shared/music/types.ts'

/** "Bar 3" or "Bars 3–6", counted from 1 as musicians count. */
export function describeBars(range: BarRange): string {
  return range.end - range.start === 1 ? `Bar ${range.start + 1}` : `Bars ${range.start + 1}–${range.end}`
}
