import { z } from 'zod'
import type { Song } from '../music/types.ts'
import type { ImportReport } from '../midi/report.ts'

/** Bounds on a song crossing IPC or read back from disk; the schema enforces them in main. */
export const FILE_LIMITS = {
  maxTracks: 64,
  maxNotes: 200_000,
  maxEvents: 500_000,
  maxMapEntries: 10_000,
  maxTexts: 10_000,
  maxTextLength: 4_096,
  maxNameLength: 255,
  maxTick: 2 ** 31 - 1,
  /** A dropped MIDI file: far above any real piece, low enough to copy over IPC without a stall. */
  maxMidiBytes: 16 * 1024 * 1024,
  /** A rendered WAV: about 25 minutes of 16-bit stereo at 44.1 kHz. */
  maxWavBytes: 256 * 1024 * 1024,
  maxRecent: 10,
} as const

const int = (min: number, max: number) => z.number().int().min(min).max(max)
const tick = int(0, FILE_LIMITS.maxTick)
const name = z.string().max(FILE_LIMITS.maxNameLength)

const noteSchema = z.strictObject({ pitch: int(0, 127), ticks: tick, durationTicks: int(1, FILE_LIMITS.maxTick), velocity: int(1, 127) })

const trackSchema = z.strictObject({
  name,
  channel: int(0, 15),
  instrument: int(0, 127),
  isDrum: z.boolean(),
  notes: z.array(noteSchema).max(FILE_LIMITS.maxNotes),
  controlChanges: z.array(z.strictObject({ ticks: tick, controller: int(0, 127), value: int(0, 127) })).max(FILE_LIMITS.maxEvents),
  pitchBends: z.array(z.strictObject({ ticks: tick, value: int(-8192, 8191) })).max(FILE_LIMITS.maxEvents),
})

/** A whole song (see Song in src/shared/music/types.ts), bounded in every dimension. */
export const songSchema = z
  .strictObject({
    name: z.string().max(FILE_LIMITS.maxTextLength),
    ppq: int(1, 32_767),
    tempos: z.array(z.strictObject({ ticks: tick, microsecondsPerQuarter: int(1, 16_777_215) })).max(FILE_LIMITS.maxMapEntries),
    timeSignatures: z
      .array(
        z.strictObject({
          ticks: tick,
          numerator: int(1, 255),
          denominator: z.union([1, 2, 4, 8, 16, 32, 64].map((d) => z.literal(d)) as [z.ZodLiteral<number>, ...z.ZodLiteral<number>[]]),
        }),
      )
      .max(FILE_LIMITS.maxMapEntries),
    keySignatures: z
      .array(z.strictObject({ ticks: tick, fifths: int(-7, 7), mode: z.enum(['major', 'minor']) }))
      .max(FILE_LIMITS.maxMapEntries),
    texts: z
      .array(
        z.strictObject({
          ticks: tick,
          kind: z.enum(['text', 'marker', 'cuePoint', 'lyrics']),
          text: z.string().max(FILE_LIMITS.maxTextLength),
        }),
      )
      .max(FILE_LIMITS.maxTexts),
    tracks: z.array(trackSchema).max(FILE_LIMITS.maxTracks),
  })
  .refine((song) => song.tracks.reduce((sum, t) => sum + t.notes.length, 0) <= FILE_LIMITS.maxNotes, {
    message: `a song holds at most ${FILE_LIMITS.maxNotes.toLocaleString('en')} notes`,
    path: ['tracks'],
  })
  .refine((song) => song.tracks.reduce((sum, t) => sum + t.controlChanges.length + t.pitchBends.length, 0) <= FILE_LIMITS.maxEvents, {
    message: `a song holds at most ${FILE_LIMITS.maxEvents.toLocaleString('en')} controller and pitch-bend events`,
    path: ['tracks'],
  })

/** Bytes of a file, bounded (a Uint8Array crosses IPC by structured clone). */
const bytes = (max: number, what: string) =>
  z.instanceof(Uint8Array).refine((b) => b.byteLength <= max, { message: `${what} is larger than ${Math.round(max / 1024 / 1024)} MB` })

/** A file name suggested for a save dialog (never a path: main keeps only the last segment). */
const suggestedName = name.optional()

/** Request schemas of the file, document and autosave channels. */
export const filesSchemas = {
  'file:new': z.undefined(),
  'file:open': z.undefined(),
  'file:openRecent': z.strictObject({ index: int(0, FILE_LIMITS.maxRecent - 1) }),
  'file:recent': z.undefined(),
  'file:importBytes': z.strictObject({ name, bytes: bytes(FILE_LIMITS.maxMidiBytes, 'the MIDI file') }),
  'file:launched': z.undefined(),
  'file:savedByPage': z.strictObject({ name, bytes: bytes(FILE_LIMITS.maxMidiBytes, 'the MIDI file') }),
  'file:save': z.strictObject({ song: songSchema, saveAs: z.boolean().default(false) }),
  'file:exportMidi': z.strictObject({ song: songSchema, suggestedName }),
  'file:exportAudio': z.strictObject({ wav: bytes(FILE_LIMITS.maxWavBytes, 'the audio'), suggestedName }),
  'document:state': z.strictObject({ dirty: z.boolean(), name: name.optional() }),
  'autosave:write': z.strictObject({ song: songSchema }),
  'autosave:check': z.undefined(),
  'autosave:restore': z.undefined(),
  'autosave:discard': z.undefined(),
} as const

/** The user closed a dialog without choosing (or chose Cancel when asked about unsaved changes). */
export interface Canceled {
  canceled: true
  /** Set when the user chose Save when asked about unsaved changes: save, then ask again. */
  saveFirst?: boolean
}

/** A song that became the current document. */
export interface Opened {
  canceled: false
  song: Song
  /** What the import changed or left out (see formatImportReport in the renderer). */
  report: ImportReport
  /** The document's name for the title: the file name. */
  name: string
}

/** A file written where the user chose. */
export interface Written {
  canceled: false
  /** The file name written (without its folder). */
  name: string
}

/** One recent file, for the Open Recent menu. */
export interface RecentFile {
  /** File name. */
  name: string
  /** The folder it is in, for display only. */
  folder: string
}

/** What an autosave holds, without the song. */
export interface AutosaveInfo {
  /** The document's name when it was autosaved. */
  name: string
  /** When it was written, ms since the epoch. */
  savedAt: number
  /** Notes in the autosaved song. */
  notes: number
}

/** Success payloads of the file channels. */
export interface FilesResponses {
  'file:new': Canceled | { canceled: false; name: string }
  'file:open': Canceled | Opened
  'file:openRecent': Canceled | Opened
  'file:recent': { files: RecentFile[] }
  'file:importBytes': Canceled | Opened
  /** Canceled when no file was named at launch, or it was opened already. */
  'file:launched': Canceled | Opened
  'file:savedByPage': Written
  'file:save': Canceled | Written
  'file:exportMidi': Canceled | Written
  'file:exportAudio': Canceled | Written
  'document:state': { title: string }
  'autosave:write': { savedAt: number }
  'autosave:check': { available: false } | ({ available: true } & AutosaveInfo)
  'autosave:restore': { song: Song; name: string; savedAt: number }
  'autosave:discard': { discarded: boolean }
}

/** The document as the title shows it (browser mode: the page sets its own title from this). */
export interface DocumentChange {
  /** "name • — Neural Piano", the dot marking unsaved changes. */
  title: string
  /** The document's name (the file name, or Untitled). */
  name: string
  /** True while there are unsaved changes. */
  dirty: boolean
}

/** Events of the file group. */
export interface FilesEvents {
  /** The user chose Save when closing the window with unsaved changes: save; main closes once saved. */
  'file:saveBeforeClose': { name: string }
  /** The document's name or unsaved state changed (sent by the browser mode's server; Electron sets the window title). */
  'document:changed': DocumentChange
}

/** The file events' names. */
export const filesEventChannels = ['file:saveBeforeClose', 'document:changed'] as const
