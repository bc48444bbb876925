import type { Ticks } from '$shared/music/types.ts'
import type { Meter } from '$shared/music/bars.ts'
import { barAtTick, barStartTick } from '$shared/music/bars.ts'

/** The snap grid: a note value (4 = quarter … 32 = thirty-second), optionally triplet, or off. */
export type Grid = { division: 4 | 8 | 16 | 32; triplet: boolean } | 'off'

/** The grid choices the toolbar offers, in order. */
export const GRID_CHOICES: { label: string; grid: Grid }[] = [
  { label: '1/4', grid: { division: 4, triplet: false } },
  { label: '1/8', grid: { division: 8, triplet: false } },
  { label: '1/16', grid: { division: 16, triplet: false } },
  { label: '1/32', grid: { division: 32, triplet: false } },
  { label: '1/4 T', grid: { division: 4, triplet: true } },
  { label: '1/8 T', grid: { division: 8, triplet: true } },
  { label: '1/16 T', grid: { division: 16, triplet: true } },
  { label: 'Off', grid: 'off' },
]

/** Ticks in one grid step (1 when snapping is off, so lengths still move by whole ticks). */
export function gridTicks(grid: Grid, ppq: number): number {
  if (grid === 'off') return 1
  return ((ppq * 4) / grid.division) * (grid.triplet ? 2 / 3 : 1)
}

// Grid lines count from the start of each bar, so odd meters and signature changes stay aligned.
function snapWith(meter: Meter, grid: Grid, tick: Ticks, round: (x: number) => number): Ticks {
  if (grid === 'off') return Math.max(0, Math.round(tick))
  const step = gridTicks(grid, meter.ppq)
  const barStart = barStartTick(meter, barAtTick(meter, Math.max(0, tick)))
  const snapped = barStart + Math.round(round((tick - barStart) / step) * step)
  const nextBar = barStartTick(meter, barAtTick(meter, Math.max(0, tick)) + 1)
  return Math.max(0, Math.min(snapped, nextBar))
}

/** The nearest grid line to `tick`. */
export function snapTick(meter: Meter, grid: Grid, tick: Ticks): Ticks {
  return snapWith(meter, grid, tick, Math.round)
}

/** The grid line at or before `tick` (where a click inside a cell starts a note). */
export function snapTickDown(meter: Meter, grid: Grid, tick: Ticks): Ticks {
  return snapWith(meter, grid, tick, Math.floor)
}

/** A length snapped to whole grid steps, at least one step. */
export function snapLength(grid: Grid, ppq: number, length: Ticks): Ticks {
  const step = gridTicks(grid, ppq)
  return Math.max(Math.round(step), Math.round(Math.round(length / step) * step))
}
