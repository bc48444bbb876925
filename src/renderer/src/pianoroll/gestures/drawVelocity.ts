import { rampVelocity } from '../../commands/velocity.ts'
import type { LaneGesture, PointerInfo } from './gesture.ts'

/** Pixels either side of the pointer in which a click finds a note's bar. */
const REACH_PX = 6

/**
 * Pressing in the velocity lane: a click sets the bar under the pointer (dragging straight up or down
 * keeps setting it); dragging sideways draws a straight line, and the notes it spans take its value (a
 * ramp). Only the selected notes change when some are selected. One undo step per gesture.
 */
export const drawVelocity: LaneGesture = {
  onPointerDown(ctx, p) {
    const editor = ctx.editor
    const before = editor.snapshot()
    const t = ctx.transform()
    const scale = ctx.scale()
    const from = { tick: t.xToTick(p.x), velocity: scale.yToVelocity(p.y) }
    const draw = (q: PointerInfo) => {
      const to = { tick: t.xToTick(q.x), velocity: scale.yToVelocity(q.y) }
      editor.preview(rampVelocity(before.song, before.selection, from, to, REACH_PX / t.view.pxPerTick))
    }
    draw(p)
    return {
      onPointerMove: draw,
      onPointerUp(q) {
        draw(q)
        editor.commitFrom(before)
      },
    }
  },
}
