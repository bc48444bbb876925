import { describe, expect, it } from 'vitest'
import { Editor } from '../../state/editor.svelte.ts'
import { notesOf, songWith } from '#fixtures/editorSongs.ts'
import { RollTransform } from '../transform.ts'
import { LaneScale } from '../lane/laneScale.ts'
import { drawVelocity } from './drawVelocity.ts'
import type { LaneContext, PointerInfo } from './gesture.ts'

const transform = new RollTransform({ pxPerTick: 0.1, keyHeight: 10, scrollTick: 0, scrollY: 0 })
const scale = new LaneScale(96)

/** A lane over four quarter notes (velocity 80) at ticks 0, 480, 960 and 1440. */
function lane() {
  const editor = new Editor()
  editor.load(songWith([0, 480, 960, 1440].map((ticks) => ({ ticks }))))
  const ctx: LaneContext = { editor, transform: () => transform, scale: () => scale }
  return { editor, ctx }
}

/** The pointer at a tick and a velocity. */
const at = (tick: number, velocity: number): PointerInfo => ({
  x: transform.tickToX(tick),
  y: scale.velocityToY(velocity),
  shift: false,
  alt: false,
  mod: false,
})

/** Presses at `from`, moves through `through`, releases at the last point. */
function drag(ctx: LaneContext, from: PointerInfo, ...through: PointerInfo[]): void {
  const handlers = drawVelocity.onPointerDown(ctx, from)
  for (const p of through) handlers.onPointerMove?.(p)
  handlers.onPointerUp?.(through.at(-1) ?? from)
}

const velocities = (editor: Editor) => notesOf(editor.song).map((n) => n.velocity)

describe('drawing in the velocity lane', () => {
  it('a drag draws a ramp across the notes, as one undo step', () => {
    const { editor, ctx } = lane()
    drag(ctx, at(0, 10), at(700, 60), at(1440, 100))
    expect(velocities(editor)).toEqual([10, 40, 70, 100])
    editor.undo()
    expect(velocities(editor)).toEqual([80, 80, 80, 80])
    expect(editor.canUndo).toBe(false)
  })

  it('a click sets the bar under the pointer; dragging straight up goes on setting it', () => {
    const { editor, ctx } = lane()
    drag(ctx, at(500, 30))
    expect(velocities(editor)).toEqual([80, 30, 80, 80])
    drag(ctx, at(960, 30), at(960, 50), at(960, 120))
    expect(velocities(editor)).toEqual([80, 30, 120, 80])
    editor.undo()
    expect(velocities(editor)).toEqual([80, 30, 80, 80])
  })

  it('with notes selected, a ramp over all of them changes only those', () => {
    const { editor, ctx } = lane()
    const ids = editor.song.tracks[0]!.notes.map((n) => n.id)
    editor.select([ids[0]!, ids[3]!])
    drag(ctx, at(0, 1), at(1440, 127))
    expect(velocities(editor)).toEqual([1, 80, 80, 127])
    expect(editor.selection).toEqual(new Set([ids[0], ids[3]]))
  })
})
