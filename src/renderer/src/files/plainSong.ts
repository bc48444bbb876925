import type { Song } from '$shared/music/types.ts'

/** An integer in [min, max]: MIDI stores only integers, and a fraction left by an edit must not block a save. */
function int(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min
}

const MAX_TICK = 2 ** 31 - 1

/**
 * A copy of the song holding exactly the fields the IPC schema accepts, as plain objects: Svelte
 * state proxies cannot cross IPC, and extra fields the editor keeps (ids, selection flags) would be
 * refused by the schema's strict objects. Note values are rounded into MIDI's ranges, so that a
 * fractional tick from a drag or a velocity of 0 never makes saving fail.
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
      notes: t.notes.map((n) => ({
        pitch: int(n.pitch, 0, 127),
        ticks: int(n.ticks, 0, MAX_TICK),
        durationTicks: int(n.durationTicks, 1, MAX_TICK),
        velocity: int(n.velocity, 1, 127),
      })),
      controlChanges: t.controlChanges.map(({ ticks, controller, value }) => ({ ticks, controller, value })),
      pitchBends: t.pitchBends.map(({ ticks, value }) => ({ ticks, value })),
    })),
  }
}
