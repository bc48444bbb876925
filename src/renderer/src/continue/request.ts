import type { BarRange } from '$shared/music/types.ts'
import { barAtTick } from '$shared/music/bars.ts'
import { noteExtent } from '../commands/edit.ts'
import { notesWithIds, type EditorSong, type NoteId } from '../state/editorSong.ts'

/** The bars to continue: the ruler selection, or else the bars the selected notes touch. */
export function barsToContinue(song: EditorSong, bars: BarRange | undefined, selection: ReadonlySet<NoteId>): BarRange | undefined {
  if (bars) return bars
  if (selection.size === 0) return undefined
  const extent = noteExtent(notesWithIds(song, selection))
  const start = barAtTick(song, extent.start)
  const end = barAtTick(song, extent.end - 1) + 1
  return { start, end }
}

/** A fresh random seed for "New seed". */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31)
}
