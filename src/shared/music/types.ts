// Plain data only: a Song crosses IPC by structured clone and is stored as JSON, so no classes here.

/** A position or length in MIDI ticks (an integer; Song.ppq ticks make a quarter note). */
export type Ticks = number
/** A position or length in model steps (Song-independent; stepsPerQuarter steps make a quarter note). */
export type Steps = number

/** One sounding note. */
export interface Note {
  /** MIDI note number 0..127 (the piano is 21..108; others are kept but not fed to the model). */
  pitch: number
  /** Start tick. */
  ticks: Ticks
  /** Length in ticks, at least 1. */
  durationTicks: Ticks
  /** Key velocity, an integer 1..127. */
  velocity: number
}

/** A tempo change: from `ticks` on, a quarter note lasts `microsecondsPerQuarter` (the exact MIDI value). */
export interface TempoChange {
  /** Tick where the tempo starts. */
  ticks: Ticks
  /** Microseconds per quarter note, an integer 1..16777215, as stored in MIDI (60e6 / bpm). */
  microsecondsPerQuarter: number
}

/** A time-signature change; a new bar starts at `ticks`. */
export interface TimeSignatureChange {
  /** Tick where the signature starts. */
  ticks: Ticks
  /** Beats per bar, 1..255. */
  numerator: number
  /** Beat unit, a power of two 1..64 (4 = quarter note). */
  denominator: number
}

/** A key-signature change as written in the file (not an estimate; see key.ts for that). */
export interface KeySignatureChange {
  /** Tick where it starts. */
  ticks: Ticks
  /** Sharps (positive) or flats (negative), -7..7. */
  fifths: number
  /** Major or minor. */
  mode: 'major' | 'minor'
}

/** Song-level text: markers, lyrics, cue points and plain text (Latin-1, as MIDI stores bytes). */
export interface TextEvent {
  /** Tick of the event. */
  ticks: Ticks
  /** Which MIDI text meta event it is. */
  kind: 'text' | 'marker' | 'cuePoint' | 'lyrics'
  /** The text, one character per byte. */
  text: string
}

/** A controller change (sustain pedal is controller 64). */
export interface ControlChange {
  /** Tick of the change. */
  ticks: Ticks
  /** Controller number 0..127. */
  controller: number
  /** Value 0..127. */
  value: number
}

/** A pitch-bend change. */
export interface PitchBend {
  /** Tick of the change. */
  ticks: Ticks
  /** Bend -8192..8191, 0 = centre (the raw 14-bit MIDI value minus 8192). */
  value: number
}

/** One instrument part: the notes of one MIDI channel of one file track. */
export interface Track {
  /** Track name from the file ('' when it had none). */
  name: string
  /** MIDI channel 0..15; exported as is. */
  channel: number
  /** General MIDI program 0..127 (the first program change; 0 when none). */
  instrument: number
  /** True for channel 10 (index 9): percussion, kept apart and never fed to the model. */
  isDrum: boolean
  /** Notes sorted by (ticks, pitch); notes of one pitch never overlap. */
  notes: Note[]
  /** Controller changes sorted by (ticks, controller), file order within a tie. */
  controlChanges: ControlChange[]
  /** Pitch bends sorted by ticks. */
  pitchBends: PitchBend[]
}

/** A whole piece: everything the editor, the model and MIDI export need. */
export interface Song {
  /** Title (the name of the file's conductor track). */
  name: string
  /** Ticks per quarter note. */
  ppq: number
  /** Tempo map sorted by ticks; the first entry is at tick 0. */
  tempos: TempoChange[]
  /** Time-signature map sorted by ticks; the first entry is at tick 0. */
  timeSignatures: TimeSignatureChange[]
  /** Key signatures from the file, sorted by ticks (may be empty). */
  keySignatures: KeySignatureChange[]
  /** Markers, lyrics and text, sorted by ticks. */
  texts: TextEvent[]
  /** Parts in file order (a file track with several channels becomes several parts). */
  tracks: Track[]
}

/** A range of whole bars: bars start..end-1, counted from 0. */
export interface BarRange {
  /** First bar in the range. */
  start: number
  /** Bar after the last one in the range (exclusive). */
  end: number
}
