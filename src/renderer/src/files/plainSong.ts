import type { Song } from '../../../shared/music/types.ts'

/**
 * A copy of the song holding exactly the fields the IPC schema accepts, as plain objects: Svelte
 * state proxies cannot cross IPC, and extra fields the editor keeps (ids, selection flags) would be
 * refused by the schema's strict objects.
 */
export function plainSong(song: Song): Song {
  return {
    name: song.name,
    ppq: song.ppq,
    tempos: song.tempos.map(({ ticks, microsecondsPerQuarter }) => ({ ticks, microsecondsPerQuarter })),
    timeSignatures: song.timeSignatures.map(({ ticks, numerator, denominator }) => ({ ticks, numerator, denominator })),
    keySignatures: song.keySignatures.map(({ ticks, fifths, mode }) => ({ ticks, fifths, mode })),
    texts: song.texts.map(({ ticks, kind, text }) => ({ ticks, kind, text })),
    tracks: song.tracks.map((t) => ({
      name: t.name,
      channel: t.channel,
      instrument: t.instrument,
      isDrum: t.isDrum,
      notes: t.notes.map(({ pitch, ticks, durationTicks, velocity }) => ({ pitch, ticks, durationTicks, velocity })),
      controlChanges: t.controlChanges.map(({ ticks, controller, value }) => ({ ticks, controller, value })),
      pitchBends: t.pitchBends.map(({ ticks, value }) => ({ ticks, value })),
    })),
  }
}
