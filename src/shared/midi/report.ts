/** How the file measures time: ticks per quarter note, or SMPTE frames (converted to ticks on import). */
export type Division = { kind: 'ppq'; ppq: number } | { kind: 'smpte'; framesPerSecond: number; ticksPerFrame: number }

/** What an import changed or left out, as counts the UI can show; all zero for a clean file. */
export interface ImportReport {
  /** MIDI file format 0, 1 or 2 as declared. */
  format: number
  /** Timing division of the file. */
  division: Division
  /** Track chunks the header announced. */
  declaredTracks: number
  /** Track chunks actually read. */
  tracksRead: number
  /** True when the file was a RIFF (.rmi) wrapper around the MIDI data. */
  riffWrapped: boolean
  /** Notes in the song. */
  notesKept: number
  /** Notes on the drum channel: kept, never fed to the model. */
  drumNotes: number
  /** Non-drum notes outside the 88 keys (MIDI 21..108): kept in the song, left out of the model. */
  notesOutsidePiano: number
  /** Notes still sounding when their track ended: ended at the track's end. */
  hangingNotesEnded: number
  /** Notes with no length (note-off on the note-on's tick): dropped. */
  zeroLengthNotesDropped: number
  /** Notes shortened because their key was struck again while they sounded. */
  overlappingNotesTrimmed: number
  /** Notes lengthened because the sustain pedal was down when they were released (sustain option). */
  notesExtendedBySustain: number
  /** Note-offs with no sounding note: ignored. */
  strayNoteOffs: number
  /** Data bytes above 127 (e.g. velocity 200): clamped to 127. */
  dataBytesClamped: number
  /** Program changes after a track's first: dropped (a track has one instrument). */
  programChangesDropped: number
  /** Events the song has no place for (sysex, aftertouch, other meta, tempo in SMPTE files): dropped. */
  otherEventsDropped: number
  /** Unknown chunks (not MThd/MTrk): skipped. */
  unknownChunksSkipped: number
  /** Bytes of junk skipped to find the next chunk or event. */
  junkBytesSkipped: number
  /** Track chunks whose declared length was wrong and was worked around. */
  chunkLengthsRepaired: number
  /** Track chunks cut off mid-event (or shorter than declared): read up to the cut. */
  truncatedTracks: number
  /** Track chunks without an End of Track event. */
  missingEndOfTrack: number
}

/** A report with every count at zero. */
export function emptyReport(format: number, division: Division, declaredTracks: number): ImportReport {
  return {
    format,
    division,
    declaredTracks,
    tracksRead: 0,
    riffWrapped: false,
    notesKept: 0,
    drumNotes: 0,
    notesOutsidePiano: 0,
    hangingNotesEnded: 0,
    zeroLengthNotesDropped: 0,
    overlappingNotesTrimmed: 0,
    notesExtendedBySustain: 0,
    strayNoteOffs: 0,
    dataBytesClamped: 0,
    programChangesDropped: 0,
    otherEventsDropped: 0,
    unknownChunksSkipped: 0,
    junkBytesSkipped: 0,
    chunkLengthsRepaired: 0,
    truncatedTracks: 0,
    missingEndOfTrack: 0,
  }
}

const DESCRIPTIONS: Array<[keyof ImportReport, string]> = [
  ['drumNotes', 'drum notes kept apart (not given to the model)'],
  ['notesOutsidePiano', 'notes outside the 88 keys kept but not given to the model'],
  ['hangingNotesEnded', 'notes that never ended were ended at their track end'],
  ['zeroLengthNotesDropped', 'zero-length notes dropped'],
  ['overlappingNotesTrimmed', 'notes shortened where their key was struck again'],
  ['notesExtendedBySustain', 'notes lengthened by the sustain pedal'],
  ['strayNoteOffs', 'note-offs without a note ignored'],
  ['dataBytesClamped', 'data bytes above 127 clamped to 127'],
  ['programChangesDropped', 'later program changes dropped'],
  ['otherEventsDropped', 'other events dropped (sysex, aftertouch, unused meta)'],
  ['unknownChunksSkipped', 'unknown chunks skipped'],
  ['junkBytesSkipped', 'junk bytes skipped'],
  ['chunkLengthsRepaired', 'wrong chunk lengths worked around'],
  ['truncatedTracks', 'truncated tracks read up to the cut'],
  ['missingEndOfTrack', 'tracks without End of Track'],
]

/** One readable line per non-zero count, for the UI and the CLI. */
export function describeReport(report: ImportReport): string[] {
  const lines = DESCRIPTIONS.filter(([key]) => (report[key] as number) > 0).map(([key, text]) => `${report[key] as number} ${text}`)
  if (report.riffWrapped) lines.unshift('RIFF (.rmi) wrapper removed')
  if (report.division.kind === 'smpte') lines.unshift(`SMPTE timing (${report.division.framesPerSecond} fps) converted to ticks`)
  return lines
}
