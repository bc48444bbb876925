import { resizeNotes as resizeCommand } from '../../commands/notes.ts'
import { gridTicks, snapTick } from '../../commands/snap.ts'
import { findNote } from '../../state/editorSong.ts'
import type { Gesture } from './gesture.ts'

/** Dragging a note's right end: changes the length of every selected note by the same amount (snapped). */
export const resizeNotes: Gesture = {
  onPointerDown(ctx, p, target) {
    if (!target) return {}
    const editor = ctx.editor
    if (!editor.selection.has(target.id)) editor.select([target.id])
    const before = editor.snapshot()
    const t = ctx.transform()
    const end = target.ticks + target.durationTicks
    const minLength = Math.max(1, Math.round(gridTicks(ctx.grid(), before.song.ppq)))
    return {
      onPointerMove(q) {
        const wantedEnd = Math.max(target.ticks + minLength, snapTick(before.song, ctx.grid(), t.xToTick(q.x)))
        editor.preview(resizeCommand(before.song, before.selection, wantedEnd - end, minLength))
      },
      onPointerUp() {
        const resized = findNote(editor.song, target.id)
        if (resized) ctx.lastLength = resized.durationTicks / before.song.ppq
        editor.commitFrom(before)
      },
    }
  },
}
