import { describe, expect, it } from 'vitest'
import { Editor } from '../../state/editor.svelte.ts'
import { allNoteIds, findNote } from '../../state/editorSong.ts'
import { notesOf, songWith } from '#fixtures/editorSongs.ts'
import { RollTransform } from '../transform.ts'
import { startGesture, type Tool } from '../pointer.ts'
import type { PointerInfo, RollContext } from './gesture.ts'
import type { Note } from '$shared/music/types.ts'

// Scrolled so that the rows from C4 to C6 lie below the ruler (a press on the ruler selects bars).
const transform = new RollTransform({ pxPerTick: 0.1, keyHeight: 10, scrollTick: 0, scrollY: 200 })

/** A roll over an editor holding `notes`, with the 1/16 grid; it records what it sounds. */
function roll(notes: Partial<Note>[]) {
  const editor = new Editor()
  editor.load(songWith(notes))
  const sounded: string[] = []
  const ctx: RollContext = {
    editor,
    transform: () => transform,
    grid: () => ({ division: 16, triplet: false }),
    lastLength: 1,
    velocity: 90,
    setRubberBand: () => undefined,
    audition: (pitch, velocity) => void sounded.push(`${pitch}@${velocity}`),
    setPressedPitch: () => undefined,
    selectBars: (range) => editor.selectBars(range),
    bars: () => editor.bars,
  }
  return { editor, ctx, sounded }
}

/** The pointer over a tick in a pitch's row. */
const at = (tick: number, pitch: number, keys: Partial<PointerInfo> = {}): PointerInfo => ({
  x: transform.tickToX(tick),
  y: transform.pitchToY(pitch) + transform.view.keyHeight / 2,
  shift: false,
  alt: false,
  mod: false,
  ...keys,
})

/** Presses at `from`, moves through `through`, and releases at the last point. */
function drag(ctx: RollContext, tool: Tool, from: PointerInfo, ...through: PointerInfo[]): void {
  const handlers = startGesture(ctx, tool, from, 0)
  for (const p of through) handlers.onPointerMove?.(p)
  handlers.onPointerUp?.(through.at(-1) ?? from)
}

describe('piano-roll gestures (by note id)', () => {
  it('drawing shapes one note while dragging: one undo step, selected, its length remembered', () => {
    const { editor, ctx } = roll([])
    drag(ctx, 'draw', at(480, 60), at(700, 60), at(1440, 60))
    expect(notesOf(editor.song)).toEqual([{ pitch: 60, ticks: 480, durationTicks: 960, velocity: 90 }])
    expect(editor.selectedNotes).toEqual(editor.song.tracks[0]!.notes)
    expect(ctx.lastLength).toBe(2)
    editor.undo()
    expect(notesOf(editor.song)).toEqual([])
  })

  it('dragging the end of one of the selected notes resizes them all and remembers the grabbed one', () => {
    const { editor, ctx } = roll([
      { pitch: 60, ticks: 0, durationTicks: 480 },
      { pitch: 64, ticks: 0, durationTicks: 240 },
    ])
    editor.select(allNoteIds(editor.song))
    const grabbed = editor.song.tracks[0]!.notes.find((n) => n.pitch === 64)!
    drag(ctx, 'select', at(238, 64), at(480, 64))
    expect(notesOf(editor.song).map((n) => n.durationTicks)).toEqual([720, 480])
    expect(findNote(editor.song, grabbed.id)?.durationTicks).toBe(480)
    expect(ctx.lastLength).toBe(1)
    expect(editor.selection.size).toBe(2)
  })

  it('a shift-click toggles a note in the selection; dragging a body moves the selection, which keeps its ids', () => {
    const { editor, ctx, sounded } = roll([
      { pitch: 60, ticks: 0 },
      { pitch: 64, ticks: 960 },
    ])
    const [c, e] = allNoteIds(editor.song)
    drag(ctx, 'select', at(100, 60))
    drag(ctx, 'select', at(1000, 64, { shift: true }))
    expect([...editor.selection]).toEqual([c, e])
    drag(ctx, 'select', at(1000, 64, { shift: true }))
    expect([...editor.selection]).toEqual([c])
    editor.select([c!, e!])
    drag(ctx, 'select', at(100, 60), at(580, 62))
    expect(notesOf(editor.song).map((n) => [n.pitch, n.ticks])).toEqual([
      [62, 480],
      [66, 1440],
    ])
    expect(new Set(editor.selection)).toEqual(new Set([c, e]))
    expect(sounded).toEqual(['60@80', '60@80', '62@80'])
    editor.undo()
    expect(notesOf(editor.song).map((n) => n.ticks)).toEqual([0, 960])
  })

  it('alt-dragging a note changes its velocity; erasing deletes the notes the pointer passes, as one step', () => {
    const { editor, ctx, sounded } = roll([
      { pitch: 60, ticks: 0 },
      { pitch: 60, ticks: 960 },
      { pitch: 72, ticks: 0 },
    ])
    drag(ctx, 'draw', at(100, 72, { alt: true }), at(100, 72, { alt: true, y: at(100, 72).y - 20 }))
    expect(notesOf(editor.song).find((n) => n.pitch === 72)?.velocity).toBe(90)
    expect(sounded).toEqual(['72@90'])
    drag(ctx, 'erase', at(100, 60), at(1000, 60))
    expect(notesOf(editor.song).map((n) => n.pitch)).toEqual([72])
    editor.undo()
    expect(notesOf(editor.song)).toHaveLength(3)
  })

  it('the rubber band selects the notes in the box; with shift it adds to the selection', () => {
    const { editor, ctx } = roll([
      { pitch: 60, ticks: 0 },
      { pitch: 62, ticks: 960 },
      { pitch: 72, ticks: 1920 },
    ])
    const [c, d, high] = allNoteIds(editor.song)
    drag(ctx, 'select', at(1500, 59), at(20, 63))
    expect(new Set(editor.selection)).toEqual(new Set([c, d]))
    drag(ctx, 'select', at(1800, 70, { shift: true }), at(2400, 74, { shift: true }))
    expect(new Set(editor.selection)).toEqual(new Set([c, d, high]))
  })
})
