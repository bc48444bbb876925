import { changeVelocity } from '../../commands/notes.ts'
import type { Gesture } from './gesture.ts'

/** Alt-dragging a note up or down: changes the velocity of the selected notes (one step per 2 px). */
export const velocityDrag: Gesture = {
  onPointerDown(ctx, p, target) {
    if (!target) return {}
    const editor = ctx.editor
    if (!editor.selection.has(target.id)) editor.select([target.id])
    const before = editor.snapshot()
    return {
      onPointerMove(q) {
        editor.preview(changeVelocity(before.song, before.selection, Math.round((p.y - q.y) / 2)))
      },
      onPointerUp() {
        editor.commitFrom(before)
        const changed = editor.selectedNotes[0]
        if (changed) ctx.audition(changed.pitch, changed.velocity)
      },
    }
  },
}
