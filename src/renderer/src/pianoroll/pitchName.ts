import type { Ticks } from '$shared/music/types.ts'
import { beatAtTick, type Meter } from '$shared/music/bars.ts'

const NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B']

/** Scientific pitch name of a MIDI note: 60 is "C4". */
export function pitchName(pitch: number): string {
  return `${NAMES[((pitch % 12) + 12) % 12]}${Math.floor(pitch / 12) - 1}`
}

/** Where a tick is as musicians count: "bar.beat", both from 1 ("3.2"). */
export function position(meter: Meter, tick: Ticks): string {
  const { bar, beat } = beatAtTick(meter, Math.max(0, tick))
  return `${bar + 1}.${beat + 1}`
}
