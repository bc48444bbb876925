import type { Note, Song, Track } from './types.ts'
import { DEFAULT_MICROSECONDS_PER_QUARTER, DEFAULT_PPQ, DRUM_CHANNEL, isPianoPitch } from './constants.ts'

/** A new empty song: 4/4 at 120 bpm, one piano track. */
export function createSong(ppq: number = DEFAULT_PPQ): Song {
  return {
    name: '',
    ppq,
    tempos: [{ ticks: 0, microsecondsPerQuarter: DEFAULT_MICROSECONDS_PER_QUARTER }],
    timeSignatures: [{ ticks: 0, numerator: 4, denominator: 4 }],
    keySignatures: [],
    texts: [],
    tracks: [createTrack()],
  }
}

/** A new empty track on the given channel (channel 9 makes a drum track). */
export function createTrack(channel = 0, name = ''): Track {
  return { name, channel, instrument: 0, isDrum: channel === DRUM_CHANNEL, notes: [], controlChanges: [], pitchBends: [] }
}

/** The notes the model may see: every non-drum track's notes on the 88 keys, sorted by (ticks, pitch). */
export function modelNotes(song: Song): Note[] {
  const notes = song.tracks.filter((t) => !t.isDrum).flatMap((t) => t.notes.filter((n) => isPianoPitch(n.pitch)))
  return notes.sort(compareNotes)
}

/** Orders notes by start, then pitch: the canonical order of Track.notes. */
export function compareNotes(a: Note, b: Note): number {
  return a.ticks - b.ticks || a.pitch - b.pitch
}

/** Beats per minute of a tempo change (display only; the map keeps the exact MIDI integer). */
export function bpm(microsecondsPerQuarter: number): number {
  return 60_000_000 / microsecondsPerQuarter
}
