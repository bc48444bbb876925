import { moveNotes as moveCommand } from '../../commands/notes.ts'
import { snapTick } from '../../commands/snap.ts'
import type { Gesture } from './gesture.ts'

/**
 * Dragging a note's body: a click selects it (shift toggles it in the selection); dragging moves the
 * whole selection in time (snapped) and pitch.
 */
export const moveNotes: Gesture = {
  onPointerDown(ctx, p, target) {
    if (!target) return {}
    const editor = ctx.editor
    if (p.shift) {
      const next = new Set(editor.selection)
      if (next.has(target.id)) next.delete(target.id)
      else next.add(target.id)
      editor.select(next)
      return {}
    }
    if (!editor.selection.has(target.id)) editor.select([target.id])
    const before = editor.snapshot()
    const t = ctx.transform()
    const startTick = t.xToTick(p.x)
    const startPitch = t.yToPitch(p.y)
    ctx.audition(target.pitch, target.velocity)
    let lastPitch = startPitch
    let moved = false
    return {
      onPointerMove(q) {
        if (!moved && Math.hypot(q.x - p.x, q.y - p.y) < 3) return
        moved = true
        // Snap the grabbed note's start, so the block lands on the grid however it was grabbed.
        const wanted = target.ticks + (t.xToTick(q.x) - startTick)
        const dt = snapTick(before.song, ctx.grid(), wanted) - target.ticks
        const dp = t.yToPitch(q.y) - startPitch
        ctx.editor.preview(moveCommand(before.song, before.selection, dt, dp))
        if (dp + startPitch !== lastPitch) {
          lastPitch = dp + startPitch
          ctx.audition(target.pitch + dp, target.velocity)
        }
      },
      onPointerUp() {
        if (moved) ctx.editor.commitFrom(before)
      },
    }
  },
}
