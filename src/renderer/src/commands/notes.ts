import type { Note, Song, Ticks } from '../../../shared/music/types.ts'
import { HIGHEST_MIDI, LOWEST_MIDI } from '../../../shared/music/constants.ts'
import { quantizeNote } from '../../../shared/music/quantize.ts'
import { clamp, insertNotes, mapNotes, noteExtent, type Edit } from './edit.ts'

/** Adds one note (clamped to the piano and to at least one tick) and selects it. */
export function addNote(song: Song, note: Note): Edit {
  return insertNotes(song, [
    {
      pitch: clamp(Math.round(note.pitch), LOWEST_MIDI, HIGHEST_MIDI),
      ticks: Math.max(0, Math.round(note.ticks)),
      durationTicks: Math.max(1, Math.round(note.durationTicks)),
      velocity: clamp(Math.round(note.velocity), 1, 127),
    },
  ])
}

/** Deletes the given notes; nothing stays selected. */
export function deleteNotes(song: Song, notes: ReadonlySet<Note>): Edit {
  const edit = mapNotes(song, new Set(), (n) => (notes.has(n) ? null : n))
  return { song: edit.song, selection: new Set() }
}

/**
 * Moves the selected notes by `deltaTicks` and `deltaPitch`, as a block: the shift is limited so that
 * no note leaves the piano or starts before tick 0.
 */
export function moveNotes(song: Song, selection: ReadonlySet<Note>, deltaTicks: Ticks, deltaPitch: number): Edit {
  if (selection.size === 0) return { song, selection }
  const { start: minTick, low: minPitch, high: maxPitch } = noteExtent(selection)
  const dt = Math.max(Math.round(deltaTicks), -minTick)
  const dp = clamp(Math.round(deltaPitch), LOWEST_MIDI - minPitch, HIGHEST_MIDI - maxPitch)
  if (dt === 0 && dp === 0) return { song, selection }
  return mapNotes(song, selection, (n) => (selection.has(n) ? { ...n, ticks: n.ticks + dt, pitch: n.pitch + dp } : n))
}

/** Transposes the selected notes by semitones (12 for an octave), kept on the piano. */
export function transposeNotes(song: Song, selection: ReadonlySet<Note>, semitones: number): Edit {
  return moveNotes(song, selection, 0, semitones)
}

/** Changes the selected notes' lengths by `deltaTicks`, each at least `minTicks` long. */
export function resizeNotes(song: Song, selection: ReadonlySet<Note>, deltaTicks: Ticks, minTicks: Ticks = 1): Edit {
  const dt = Math.round(deltaTicks)
  if (dt === 0) return { song, selection }
  return mapNotes(song, selection, (n) => (selection.has(n) ? { ...n, durationTicks: Math.max(Math.max(1, Math.round(minTicks)), n.durationTicks + dt) } : n))
}

/** Sets the selected notes' velocity (1..127). */
export function setVelocity(song: Song, selection: ReadonlySet<Note>, velocity: number): Edit {
  const v = clamp(Math.round(velocity), 1, 127)
  return mapNotes(song, selection, (n) => (selection.has(n) && n.velocity !== v ? { ...n, velocity: v } : n))
}

/** Adds `delta` to each selected note's velocity, kept in 1..127. */
export function changeVelocity(song: Song, selection: ReadonlySet<Note>, delta: number): Edit {
  return mapNotes(song, selection, (n) => (selection.has(n) ? { ...n, velocity: clamp(Math.round(n.velocity + delta), 1, 127) } : n))
}

/** Moves the selected notes' starts and ends to the nearest lines of the grid. */
export function quantizeSelection(song: Song, selection: ReadonlySet<Note>, gridTicks: number): Edit {
  return mapNotes(song, selection, (n) => {
    if (!selection.has(n)) return n
    const q = quantizeNote(n, gridTicks)
    return q.ticks === n.ticks && q.durationTicks === n.durationTicks ? n : q
  })
}
