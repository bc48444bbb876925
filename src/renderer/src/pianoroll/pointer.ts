import { noteAt } from './hitTest.ts'
import { KEYBOARD_WIDTH, RULER_HEIGHT } from './transform.ts'
import type { DragHandlers, PointerInfo, RollContext } from './gestures/gesture.ts'
import { drawNote } from './gestures/drawNote.ts'
import { moveNotes } from './gestures/moveNotes.ts'
import { resizeNotes } from './gestures/resizeNotes.ts'
import { rubberBand } from './gestures/rubberBand.ts'
import { eraseNotes } from './gestures/eraseNotes.ts'
import { velocityDrag } from './gestures/velocityDrag.ts'
import { selectBars } from './gestures/selectBars.ts'
import { playKeys } from './gestures/playKeys.ts'

/** The piano roll's tools. */
export type Tool = 'draw' | 'select' | 'erase'

/** Starts the gesture for a pointer press: chosen by where it lands, the tool, the button and the keys held. */
export function startGesture(ctx: RollContext, tool: Tool, p: PointerInfo, button: number): DragHandlers {
  if (p.y < RULER_HEIGHT) return p.x >= KEYBOARD_WIDTH ? selectBars.onPointerDown(ctx, p) : {}
  if (p.x < KEYBOARD_WIDTH) return playKeys.onPointerDown(ctx, p)
  if (button === 2 || tool === 'erase') return eraseNotes.onPointerDown(ctx, p)
  const t = ctx.transform()
  const hit = noteAt(ctx.editor.song, t, p.x, t.yToPitch(p.y))
  if (hit) {
    if (p.alt) return velocityDrag.onPointerDown(ctx, p, hit.note)
    if (hit.part === 'end' && !p.shift) return resizeNotes.onPointerDown(ctx, p, hit.note)
    return moveNotes.onPointerDown(ctx, p, hit.note)
  }
  if (tool === 'select' || p.shift) return rubberBand.onPointerDown(ctx, p)
  return drawNote.onPointerDown(ctx, p)
}

/** The cursor that says what a press at this point would do. */
export function cursorAt(ctx: RollContext, tool: Tool, p: PointerInfo): string {
  if (p.y < RULER_HEIGHT) return p.x >= KEYBOARD_WIDTH ? 'col-resize' : 'default'
  if (p.x < KEYBOARD_WIDTH) return 'pointer'
  if (tool === 'erase') return 'not-allowed'
  const t = ctx.transform()
  const hit = noteAt(ctx.editor.song, t, p.x, t.yToPitch(p.y))
  if (hit) return p.alt ? 'ns-resize' : hit.part === 'end' ? 'ew-resize' : 'move'
  return tool === 'select' ? 'crosshair' : 'copy'
}
