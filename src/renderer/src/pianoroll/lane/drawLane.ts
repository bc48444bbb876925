import type { BarRange, Ticks } from '$shared/music/types.ts'
import { barAtTick, barStartTick } from '$shared/music/bars.ts'
import type { EditorSong, NoteId } from '../../state/editorSong.ts'
import { forEachVisible } from '../visible.ts'
import { KEYBOARD_WIDTH, type RollTransform } from '../transform.ts'
import { barStep } from '../layers/grid.ts'
import { colors } from '../layers/scene.ts'
import { velocityShades } from '../layers/notes.ts'
import type { LaneScale } from './laneScale.ts'

/** Everything one frame of the velocity lane shows. */
export interface LaneScene {
  ctx: CanvasRenderingContext2D
  /** Canvas size in CSS pixels. */
  width: number
  height: number
  /** The roll's transform: the lane's x is the roll's. */
  transform: RollTransform
  scale: LaneScale
  song: EditorSong
  /** Ids of the selected notes. */
  selection: ReadonlySet<NoteId>
  /** Bars selected on the ruler. */
  bars: BarRange | undefined
  /** Where playback is, if playing. */
  playheadTick: Ticks | undefined
}

const SELECTED = colors.selected(110)

/** One bar per note of the shown tracks, at its start, as tall as its velocity, in its track's colour (selected notes in the selection's). */
function drawBars(lane: LaneScene): void {
  const { ctx, transform, scale, song } = lane
  const { start, end } = transform.visibleTicks(lane.width)
  const range = { start, end, lowPitch: 0, highPitch: 127 }
  const selected = new Path2D()
  for (const track of song.tracks) {
    if (track.hidden) continue
    const bars = new Path2D()
    forEachVisible(track.notes, range, (note) => {
      const x = Math.round(transform.tickToX(note.ticks))
      if (x < KEYBOARD_WIDTH) return
      const y = Math.round(scale.velocityToY(note.velocity))
      const path = lane.selection.has(note.id) ? selected : bars
      path.rect(x, y, 2, scale.floor - y)
      path.rect(x - 2, y, 6, 3)
    })
    ctx.fillStyle = velocityShades(track.color).at(-1)!
    ctx.fill(bars)
  }
  ctx.fillStyle = SELECTED
  ctx.fill(selected)
}

/** The lane's background: the selected bars' shade, bar lines, and guides at velocities 127 and 64. */
function drawBackground(lane: LaneScene): void {
  const { ctx, width, height, transform, scale, song } = lane
  ctx.fillStyle = colors.background
  ctx.fillRect(0, 0, width, height)
  if (lane.bars) {
    const x0 = Math.max(KEYBOARD_WIDTH, transform.tickToX(barStartTick(song, lane.bars.start)))
    const x1 = Math.min(width, transform.tickToX(barStartTick(song, lane.bars.end)))
    if (x1 > x0) {
      ctx.fillStyle = colors.selectedBars
      ctx.fillRect(x0, 0, x1 - x0, height)
    }
  }
  const { start, end } = transform.visibleTicks(width)
  const first = barAtTick(song, Math.max(0, start))
  const step = barStep((barStartTick(song, first + 1) - barStartTick(song, first)) * transform.view.pxPerTick, 7)
  ctx.fillStyle = colors.barLine
  for (let bar = first - (first % step); bar <= barAtTick(song, Math.max(0, end)) + 1; bar += step) {
    ctx.fillRect(Math.round(transform.tickToX(barStartTick(song, bar))), 0, 1, height)
  }
  ctx.fillStyle = colors.beatLine
  for (const v of [127, 64]) ctx.fillRect(KEYBOARD_WIDTH, Math.round(scale.velocityToY(v)), width - KEYBOARD_WIDTH, 1)
}

/** The column under the keyboard: what the lane is and its scale. */
function drawLabels(lane: LaneScene): void {
  const { ctx, height, scale } = lane
  ctx.fillStyle = colors.ruler
  ctx.fillRect(0, 0, KEYBOARD_WIDTH, height)
  ctx.fillStyle = '#323743'
  ctx.fillRect(KEYBOARD_WIDTH - 1, 0, 1, height)
  ctx.font = '10px system-ui, sans-serif'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = colors.rulerText
  ctx.fillText('Velocity', 6, height / 2)
  ctx.fillStyle = colors.rulerMuted
  ctx.textAlign = 'right'
  for (const v of [127, 64, 1]) ctx.fillText(String(v), KEYBOARD_WIDTH - 4, Math.min(height - 6, Math.max(6, scale.velocityToY(v))))
  ctx.textAlign = 'left'
}

/** Draws one frame of the velocity lane. */
export function drawLane(lane: LaneScene): void {
  drawBackground(lane)
  drawBars(lane)
  if (lane.playheadTick !== undefined) {
    const x = Math.round(lane.transform.tickToX(lane.playheadTick))
    if (x >= KEYBOARD_WIDTH && x <= lane.width) {
      lane.ctx.fillStyle = colors.playhead
      lane.ctx.fillRect(x, 0, 2, lane.height)
    }
  }
  drawLabels(lane)
  lane.ctx.fillStyle = '#323743'
  lane.ctx.fillRect(0, 0, lane.width, 1)
}
