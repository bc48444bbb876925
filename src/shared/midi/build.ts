import type { KeySignatureChange, Song, TempoChange, TextEvent, TimeSignatureChange, Track } from '../music/types.ts'
import { DEFAULT_MICROSECONDS_PER_QUARTER, DEFAULT_PPQ, isPianoPitch } from '../music/constants.ts'
import { normalizeNotes } from '../music/notes.ts'
import { createTrack } from '../music/song.ts'
import type { MidiChunks } from './chunks.ts'
import type { TrackEvent } from './events.ts'
import { NotePairing } from './notePairing.ts'
import { applySustain } from './sustain.ts'

/** Choices for turning the file into a song. */
export interface ImportOptions {
  /** Extend notes released while the sustain pedal (controller 64) is down to the pedal's release; for recorded performances. */
  sustain?: boolean
}

// One channel of one file track while its events are read.
interface Part {
  track: Track
  program: number | undefined
  pairing: NotePairing
}

const SUSTAIN = 64

function toTicksFunction(chunks: MidiChunks): { ppq: number; toTicks: (tick: number) => number } {
  const division = chunks.division
  if (division.kind === 'ppq') return { ppq: division.ppq, toTicks: (tick) => tick }
  // SMPTE time is absolute: at the default 120 bpm a second is two quarter notes.
  const fps = division.framesPerSecond === 29 ? 30000 / 1001 : division.framesPerSecond
  const scale = (DEFAULT_PPQ * 2) / (fps * division.ticksPerFrame)
  return { ppq: DEFAULT_PPQ, toTicks: (tick) => Math.round(tick * scale) }
}

function byTicks<T extends { ticks: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.ticks - b.ticks)
}

// Several changes at one tick: the last in file order is the one in force.
function lastPerTick<T extends { ticks: number }>(items: T[]): T[] {
  const sorted = byTicks(items)
  return sorted.filter((item, i) => sorted[i + 1]?.ticks !== item.ticks)
}

/** Builds the song from parsed chunks, counting what it changes in chunks.report. */
export function buildSong(chunks: MidiChunks, options: ImportOptions = {}): Song {
  const { report } = chunks
  const { ppq, toTicks } = toTicksFunction(chunks)
  const song: Song = { name: '', ppq, tempos: [], timeSignatures: [], keySignatures: [], texts: [], tracks: [] }
  let offset = 0 // format 2 tracks are independent sequences played one after another
  chunks.tracks.forEach((fileTrack, index) => {
    const parts = new Map<number, Part>()
    let trackName = ''
    const at = (tick: number): number => toTicks(tick + offset)
    const partOf = (channel: number): Part => {
      let part = parts.get(channel)
      if (!part) {
        part = { track: createTrack(channel), program: undefined, pairing: new NotePairing(report) }
        parts.set(channel, part)
      }
      return part
    }
    for (const event of fileTrack.events) readEvent(event)
    function readEvent(event: TrackEvent): void {
      const ticks = at(event.tick)
      switch (event.type) {
        case 'noteOn':
          return partOf(event.channel).pairing.noteOn(event.pitch, ticks, event.velocity)
        case 'noteOff':
          return partOf(event.channel).pairing.noteOff(event.pitch, ticks)
        case 'controller': {
          partOf(event.channel).track.controlChanges.push({ ticks, controller: event.controller, value: event.value })
          return
        }
        case 'program': {
          const part = partOf(event.channel)
          if (part.program === undefined) part.program = event.program
          else if (part.program !== event.program) report.programChangesDropped++
          return
        }
        case 'pitchBend': {
          partOf(event.channel).track.pitchBends.push({ ticks, value: event.value })
          return
        }
        case 'tempo': {
          if (chunks.division.kind === 'smpte')
            report.otherEventsDropped++ // SMPTE time ignores tempo
          else song.tempos.push({ ticks, microsecondsPerQuarter: event.microsecondsPerQuarter })
          return
        }
        case 'timeSignature': {
          song.timeSignatures.push({ ticks, numerator: event.numerator, denominator: event.denominator })
          return
        }
        case 'keySignature': {
          song.keySignatures.push({ ticks, fifths: event.fifths, mode: event.mode })
          return
        }
        case 'text': {
          if (event.kind === 'trackName') trackName ||= event.text
          else song.texts.push({ ticks, kind: event.kind, text: event.text })
        }
      }
    }
    const endTick = at(fileTrack.endTick)
    for (const part of parts.values()) {
      part.pairing.endAll(endTick, ppq) // a note-on that is the track's last event gets a quarter note
      finishPart(part, endTick)
    }
    if (index === 0 && parts.size === 0 && chunks.format === 1) song.name = trackName
    for (const part of [...parts.values()].sort((a, b) => a.track.channel - b.track.channel)) {
      part.track.name = trackName
      song.tracks.push(part.track)
    }
    if (chunks.format === 2) offset += fileTrack.endTick
  })
  finishSong(song)
  return song

  function finishPart(part: Part, endTick: number): void {
    const track = part.track
    track.instrument = part.program ?? 0
    track.controlChanges = byTicks(track.controlChanges)
    track.pitchBends = byTicks(track.pitchBends)
    let notes = part.pairing.notes
    if (options.sustain) {
      const pedal = track.controlChanges.filter((c) => c.controller === SUSTAIN)
      notes = applySustain(notes, pedal, endTick, report)
      track.controlChanges = track.controlChanges.filter((c) => c.controller !== SUSTAIN) // now part of the notes
    }
    const counts = { zeroLength: 0, overlapsTrimmed: 0 }
    track.notes = normalizeNotes(notes, counts)
    report.zeroLengthNotesDropped += counts.zeroLength
    report.overlappingNotesTrimmed += counts.overlapsTrimmed
    report.notesKept += track.notes.length
    if (track.isDrum) report.drumNotes += track.notes.length
    else report.notesOutsidePiano += track.notes.filter((n) => !isPianoPitch(n.pitch)).length
  }
}

function finishSong(song: Song): void {
  song.tempos = withStart(lastPerTick<TempoChange>(song.tempos), { ticks: 0, microsecondsPerQuarter: DEFAULT_MICROSECONDS_PER_QUARTER })
  song.timeSignatures = withStart(lastPerTick<TimeSignatureChange>(song.timeSignatures), { ticks: 0, numerator: 4, denominator: 4 })
  song.keySignatures = lastPerTick<KeySignatureChange>(song.keySignatures)
  song.texts = byTicks<TextEvent>(song.texts)
}

// The maps always start at tick 0 with MIDI's defaults, so every tick has a tempo and a meter.
function withStart<T extends { ticks: number }>(items: T[], fallback: T): T[] {
  return items[0]?.ticks === 0 ? items : [fallback, ...items]
}
