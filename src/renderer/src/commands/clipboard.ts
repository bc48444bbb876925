import type { Note, Ticks } from '$shared/music/types.ts'
import { existingIds, notesWithIds, withNewId, type EditorNote, type EditorSong, type NoteId } from '../state/editorSong.ts'
import { tidyNotes } from './tidy.ts'
import { insertNotes, noteExtent, type Edit } from './edit.ts'

/** Copied notes, with starts relative to the first one; plain notes, without the editor's ids. */
export interface Clip {
  notes: Note[]
  /** Length of the copied stretch in ticks, from the first start to the last end. */
  length: Ticks
}

function clipOf(notes: readonly EditorNote[]): Clip {
  if (notes.length === 0) return { notes: [], length: 0 }
  const { start, end } = noteExtent(notes)
  return {
    notes: notes.map((n) => ({ pitch: n.pitch, ticks: n.ticks - start, durationTicks: n.durationTicks, velocity: n.velocity })),
    length: end - start,
  }
}

/** The selected notes as a clip (empty when nothing is selected). */
export function copyNotes(song: EditorSong, selection: ReadonlySet<NoteId>): Clip {
  return clipOf(notesWithIds(song, selection))
}

/** Pastes the clip from `atTick` as new notes (new ids) and selects them. */
export function pasteNotes(song: EditorSong, clip: Clip, atTick: Ticks): Edit {
  const at = Math.max(0, Math.round(atTick))
  return insertNotes(
    song,
    clip.notes.map((n) => withNewId({ ...n, ticks: n.ticks + at })),
  )
}

/** Copies the selected notes to just after themselves (snapped up to `gridTicks`), each in its own track, and selects the copies. */
export function duplicateNotes(song: EditorSong, selection: ReadonlySet<NoteId>, gridTicks: number): Edit {
  const selected = notesWithIds(song, selection)
  if (selected.length === 0) return { song, selection }
  const { start, end } = noteExtent(selected)
  const length = gridTicks > 0 ? Math.ceil((end - start) / gridTicks - 1e-9) * gridTicks : end - start
  const shift = Math.round(length)
  const copied: NoteId[] = []
  const tracks = song.tracks.map((track) => {
    const copies = track.notes.filter((n) => selection.has(n.id)).map((n) => withNewId({ ...n, ticks: n.ticks + shift }))
    if (copies.length === 0) return track
    copied.push(...copies.map((n) => n.id))
    return { ...track, notes: tidyNotes([...track.notes, ...copies]) }
  })
  const next = { ...song, tracks }
  return { song: next, selection: existingIds(next, new Set(copied)) }
}
