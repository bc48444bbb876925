import type { Note, Ticks } from '$shared/music/types.ts'
import { HIGHEST_MIDI, LOWEST_MIDI } from '$shared/music/constants.ts'
import { quantizeNote } from '$shared/music/quantize.ts'
import { newNoteId, notesWithIds, withNewId, type EditorSong, type NoteId } from '../state/editorSong.ts'
import { clamp, insertNotes, mapNotes, noteExtent, type Edit } from './edit.ts'

/**
 * Adds one note (clamped to the piano and to at least one tick) and selects it. A drag that draws
 * passes the same `id` at every step, so the note it shapes is the same note throughout.
 */
export function addNote(song: EditorSong, note: Note, id: NoteId = newNoteId()): Edit {
  const clamped = {
    pitch: clamp(Math.round(note.pitch), LOWEST_MIDI, HIGHEST_MIDI),
    ticks: Math.max(0, Math.round(note.ticks)),
    durationTicks: Math.max(1, Math.round(note.durationTicks)),
    velocity: clamp(Math.round(note.velocity), 1, 127),
  }
  return insertNotes(song, [withNewId(clamped, id)])
}

/** Deletes the notes with the given ids; nothing stays selected. */
export function deleteNotes(song: EditorSong, ids: ReadonlySet<NoteId>): Edit {
  const edit = mapNotes(song, new Set(), (n) => (ids.has(n.id) ? null : n))
  return { song: edit.song, selection: new Set() }
}

/**
 * Moves the selected notes by `deltaTicks` and `deltaPitch`, as a block: the shift is limited so that
 * no note leaves the piano or starts before tick 0.
 */
export function moveNotes(song: EditorSong, selection: ReadonlySet<NoteId>, deltaTicks: Ticks, deltaPitch: number): Edit {
  if (selection.size === 0) return { song, selection }
  const { start: minTick, low: minPitch, high: maxPitch } = noteExtent(notesWithIds(song, selection))
  const dt = Math.max(Math.round(deltaTicks), -minTick)
  const dp = clamp(Math.round(deltaPitch), LOWEST_MIDI - minPitch, HIGHEST_MIDI - maxPitch)
  if (dt === 0 && dp === 0) return { song, selection }
  return mapNotes(song, selection, (n) => (selection.has(n.id) ? { ...n, ticks: n.ticks + dt, pitch: n.pitch + dp } : n))
}

/** Transposes the selected notes by semitones (12 for an octave), kept on the piano. */
export function transposeNotes(song: EditorSong, selection: ReadonlySet<NoteId>, semitones: number): Edit {
  return moveNotes(song, selection, 0, semitones)
}

/** Changes the selected notes' lengths by `deltaTicks`, each at least `minTicks` long. */
export function resizeNotes(song: EditorSong, selection: ReadonlySet<NoteId>, deltaTicks: Ticks, minTicks: Ticks = 1): Edit {
  const dt = Math.round(deltaTicks)
  if (dt === 0) return { song, selection }
  const min = Math.max(1, Math.round(minTicks))
  return mapNotes(song, selection, (n) => (selection.has(n.id) ? { ...n, durationTicks: Math.max(min, n.durationTicks + dt) } : n))
}

/** Sets the selected notes' velocity (1..127). */
export function setVelocity(song: EditorSong, selection: ReadonlySet<NoteId>, velocity: number): Edit {
  const v = clamp(Math.round(velocity), 1, 127)
  return mapNotes(song, selection, (n) => (selection.has(n.id) && n.velocity !== v ? { ...n, velocity: v } : n))
}

/** Adds `delta` to each selected note's velocity, kept in 1..127. */
export function changeVelocity(song: EditorSong, selection: ReadonlySet<NoteId>, delta: number): Edit {
  return mapNotes(song, selection, (n) => (selection.has(n.id) ? { ...n, velocity: clamp(Math.round(n.velocity + delta), 1, 127) } : n))
}

/** Moves the selected notes' starts and ends to the nearest lines of the grid. */
export function quantizeSelection(song: EditorSong, selection: ReadonlySet<NoteId>, gridTicks: number): Edit {
  return mapNotes(song, selection, (n) => {
    if (!selection.has(n.id)) return n
    const q = quantizeNote(n, gridTicks)
    return q.ticks === n.ticks && q.durationTicks === n.durationTicks ? n : { ...n, ticks: q.ticks, durationTicks: q.durationTicks }
  })
}
