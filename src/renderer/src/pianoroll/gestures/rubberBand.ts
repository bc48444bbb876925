import { notesInBox } from '../hitTest.ts'
import type { Gesture } from './gesture.ts'

/** Dragging on empty space with the select tool: selects the notes in the box (shift adds to the selection). */
export const rubberBand: Gesture = {
  onPointerDown(ctx, p) {
    const editor = ctx.editor
    const kept = p.shift ? new Set(editor.selection) : new Set<never>()
    if (!p.shift) editor.select([])
    const t = ctx.transform()
    const update = (x: number, y: number) => {
      ctx.setRubberBand({ x0: p.x, y0: p.y, x1: x, y1: y })
      const found = notesInBox(editor.song, t.xToTick(p.x), t.xToTick(x), t.yToPitch(p.y), t.yToPitch(y))
      editor.select([...kept, ...found.map((n) => n.id)])
    }
    return {
      onPointerMove(q) {
        update(q.x, q.y)
      },
      onPointerUp(q) {
        if (Math.hypot(q.x - p.x, q.y - p.y) >= 3) update(q.x, q.y)
        ctx.setRubberBand(undefined)
      },
    }
  },
}
