import { barAtTick } from '$shared/music/bars.ts'
import type { Gesture } from './gesture.ts'

/** Dragging on the bar ruler: selects whole bars; shift extends the current selection; a click selects one bar. */
export const selectBars: Gesture = {
  onPointerDown(ctx, p) {
    const t = ctx.transform()
    const barAt = (x: number) => barAtTick(ctx.editor.song, Math.max(0, t.xToTick(x)))
    const current = ctx.bars()
    const anchor = p.shift && current ? current.start : barAt(p.x)
    const update = (x: number) => {
      const bar = barAt(x)
      ctx.selectBars({ start: Math.min(anchor, bar), end: Math.max(anchor, bar) + 1 })
    }
    update(p.x)
    return { onPointerMove: (q) => update(q.x), onPointerUp: (q) => update(q.x) }
  },
}
