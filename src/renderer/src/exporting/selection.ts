import type { BarRange, Song, Ticks } from '$shared/music/types.ts'
import { barRangeTicks } from '$shared/music/bars.ts'

function atOrBefore<T extends { ticks: Ticks }>(changes: readonly T[], tick: Ticks): T | undefined {
  let found: T | undefined
  for (const c of changes) if (c.ticks <= tick) found = c
  return found
}

/**
 * The selected bars as a song of their own, starting at tick 0: notes that start in the bars (cut at
 * their end), with the tempo, time signature and key in force there. For "Export MIDI" of a selection.
 */
export function songOfBars(song: Song, range: BarRange): Song {
  const { start, end } = barRangeTicks(song, range)
  const inside = <T extends { ticks: Ticks }>(changes: readonly T[]): T[] => {
    const first = atOrBefore(changes, start)
    const later = changes.filter((c) => c.ticks > start && c.ticks < end)
    return [...(first ? [first] : []), ...later].map((c) => ({ ...c, ticks: Math.max(0, c.ticks - start) }))
  }
  return {
    ...song,
    tempos: inside(song.tempos),
    timeSignatures: inside(song.timeSignatures),
    keySignatures: inside(song.keySignatures),
    texts: song.texts.filter((t) => t.ticks >= start && t.ticks < end).map((t) => ({ ...t, ticks: t.ticks - start })),
    tracks: song.tracks.map((track) => ({
      ...track,
      notes: track.notes
        .filter((n) => n.ticks >= start && n.ticks < end)
        .map((n) => ({ ...n, ticks: n.ticks - start, durationTicks: Math.min(n.durationTicks, end - n.ticks) })),
      controlChanges: inside(track.controlChanges),
      pitchBends: inside(track.pitchBends),
    })),
  }
}
