import { addNote } from '../../commands/notes.ts'
import { gridTicks, snapTick, snapTickDown } from '../../commands/snap.ts'
import { findNote, newNoteId } from '../../state/editorSong.ts'
import type { Gesture } from './gesture.ts'

/** Draw tool on empty space: a click adds a note of the last length; dragging right sets its length. */
export const drawNote: Gesture = {
  onPointerDown(ctx, p) {
    const t = ctx.transform()
    const song = ctx.editor.song
    const before = ctx.editor.snapshot()
    const pitch = t.yToPitch(p.y)
    const start = snapTickDown(song, ctx.grid(), t.xToTick(p.x))
    const minLength = Math.max(1, Math.round(gridTicks(ctx.grid(), song.ppq)))
    // One id for every step of the drag: the note being shaped is one note, found by it on release.
    const id = newNoteId()
    const place = (length: number) =>
      ctx.editor.preview(addNote(before.song, { pitch, ticks: start, durationTicks: length, velocity: ctx.velocity }, id))
    place(Math.max(minLength, Math.round(ctx.lastLength * song.ppq)))
    ctx.audition(pitch, ctx.velocity)
    let dragged = false
    return {
      onPointerMove(q) {
        const end = snapTick(song, ctx.grid(), t.xToTick(q.x))
        if (!dragged && Math.abs(q.x - p.x) < 4) return
        dragged = true
        place(Math.max(minLength, end - start))
      },
      onPointerUp() {
        const added = findNote(ctx.editor.song, id)
        if (added && dragged) ctx.lastLength = added.durationTicks / song.ppq
        ctx.editor.commitFrom(before)
      },
    }
  },
}
