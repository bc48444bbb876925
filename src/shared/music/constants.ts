/** Keys on a piano, and so the width of one piano-roll frame. */
export const KEYS = 88
/** MIDI note number of the lowest piano key (A0); frame index 0. */
export const LOWEST_MIDI = 21
/** MIDI note number of the highest piano key (C8); frame index 87. */
export const HIGHEST_MIDI = 108
/** The General MIDI drum channel (channel 10, counted from 0). */
export const DRUM_CHANNEL = 9
/** Tempo a MIDI file has until its first tempo event: 120 beats per minute. */
export const DEFAULT_MICROSECONDS_PER_QUARTER = 500_000
/** Ticks per quarter note for new songs (and for SMPTE files, which have no quarter notes). */
export const DEFAULT_PPQ = 480

/** True when the MIDI pitch is one of the 88 piano keys. */
export function isPianoPitch(pitch: number): boolean {
  return pitch >= LOWEST_MIDI && pitch <= HIGHEST_MIDI
}
