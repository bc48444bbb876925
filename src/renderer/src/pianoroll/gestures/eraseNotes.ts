import { deleteNotes } from '../../commands/notes.ts'
import { noteAt } from '../hitTest.ts'
import type { Gesture } from './gesture.ts'

/** The erase tool (or a right click): deletes the notes the pointer passes over, as one undo step. */
export const eraseNotes: Gesture = {
  onPointerDown(ctx, p) {
    const editor = ctx.editor
    const before = editor.snapshot()
    const t = ctx.transform()
    const erase = (x: number, y: number) => {
      const hit = noteAt(editor.song, t, x, t.yToPitch(y))
      if (hit) editor.preview(deleteNotes(editor.song, new Set([hit.note.id])))
    }
    erase(p.x, p.y)
    return {
      onPointerMove(q) {
        erase(q.x, q.y)
      },
      onPointerUp() {
        editor.commitFrom(before)
      },
    }
  },
}
