import type { Note, Ticks } from '$shared/music/types.ts'

const longest = new WeakMap<readonly Note[], number>()

/** The longest note's length in a sorted note array (cached per array: arrays are immutable). */
export function longestNote(notes: readonly Note[]): Ticks {
  let cached = longest.get(notes)
  if (cached === undefined) {
    cached = 0
    for (const n of notes) if (n.durationTicks > cached) cached = n.durationTicks
    longest.set(notes, cached)
  }
  return cached
}

/** Index of the first note starting at or after `tick` in notes sorted by start. */
export function firstAtOrAfter(notes: readonly Note[], tick: Ticks): number {
  let low = 0
  let high = notes.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (notes[mid]!.ticks < tick) low = mid + 1
    else high = mid
  }
  return low
}

/**
 * Calls `visit` for each note that sounds in [start, end) and lies in [lowPitch, highPitch], without
 * looking at the rest: only what is on screen costs anything, however long the song.
 */
export function forEachVisible<N extends Note>(
  notes: readonly N[],
  range: { start: Ticks; end: Ticks; lowPitch: number; highPitch: number },
  visit: (note: N) => void,
): void {
  const from = firstAtOrAfter(notes, range.start - longestNote(notes))
  for (let i = from; i < notes.length; i++) {
    const note = notes[i]!
    if (note.ticks >= range.end) break
    if (note.ticks + note.durationTicks <= range.start) continue
    if (note.pitch < range.lowPitch || note.pitch > range.highPitch) continue
    visit(note)
  }
}
