import type { Ticks } from '$shared/music/types.ts'
import { beatAtTick, type Meter } from '$shared/music/bars.ts'

/**
 * Where a tick is as a sequencer counts it: "bar.beat.tick", bar and beat from 1, then the ticks past
 * the beat in the song's PPQ, padded to the width of the largest ("3.2.120", "1.1.000" at PPQ 480).
 * Beats are the time signature's own unit (eighths in 6/8) and follow every meter change.
 */
export function formatPosition(meter: Meter, tick: Ticks): string {
  const { bar, beat, ticksIntoBeat } = beatAtTick(meter, Math.max(0, Math.floor(tick)))
  const width = String(Math.max(1, Math.ceil(meter.ppq) - 1)).length
  return `${bar + 1}.${beat + 1}.${String(Math.max(0, Math.floor(ticksIntoBeat))).padStart(width, '0')}`
}
