import type { Song, Ticks } from '$shared/music/types.ts'
import { HIGHEST_MIDI, LOWEST_MIDI } from '$shared/music/constants.ts'

type Extent = { end: Ticks; low: number; high: number }

// Songs are immutable, so one look per song is enough (the scroll bar asks on every frame).
const cache = new WeakMap<Song, Extent>()

/** The song's end tick and lowest and highest pitch (middle of the piano when empty). */
export function songExtent(song: Song): Extent {
  let found = cache.get(song)
  if (!found) cache.set(song, (found = measure(song)))
  return found
}

function measure(song: Song): Extent {
  let end = 0
  let low = 128
  let high = -1
  for (const track of song.tracks) {
    for (const n of track.notes) {
      if (n.ticks + n.durationTicks > end) end = n.ticks + n.durationTicks
      if (n.pitch < low) low = n.pitch
      if (n.pitch > high) high = n.pitch
    }
  }
  if (high < 0) return { end, low: 48, high: 84 }
  return { end, low: Math.max(LOWEST_MIDI, low), high: Math.min(HIGHEST_MIDI, high) }
}
