import type { Note, Song, Ticks } from '../../../shared/music/types.ts'
import { insertNotes, noteExtent, type Edit } from './edit.ts'

/** Copied notes, with starts relative to the first one. */
export interface Clip {
  notes: Note[]
  /** Length of the copied stretch in ticks, from the first start to the last end. */
  length: Ticks
}

/** The selected notes as a clip (empty when nothing is selected). */
export function copyNotes(selection: ReadonlySet<Note>): Clip {
  const notes = [...selection]
  if (notes.length === 0) return { notes: [], length: 0 }
  const { start, end } = noteExtent(notes)
  return { notes: notes.map((n) => ({ ...n, ticks: n.ticks - start })), length: end - start }
}

/** Pastes the clip from `atTick` and selects the pasted notes. */
export function pasteNotes(song: Song, clip: Clip, atTick: Ticks): Edit {
  const at = Math.max(0, Math.round(atTick))
  return insertNotes(
    song,
    clip.notes.map((n) => ({ ...n, ticks: n.ticks + at })),
  )
}

/** Copies the selected notes to just after themselves (snapped up to `gridTicks`) and selects the copies. */
export function duplicateNotes(song: Song, selection: ReadonlySet<Note>, gridTicks: number): Edit {
  const clip = copyNotes(selection)
  if (clip.notes.length === 0) return { song, selection }
  const { start } = noteExtent(selection)
  const length = gridTicks > 0 ? Math.ceil(clip.length / gridTicks - 1e-9) * gridTicks : clip.length
  return pasteNotes(song, clip, start + Math.round(length))
}
