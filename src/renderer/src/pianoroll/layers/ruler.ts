import { barAtTick, barStartTick } from '$shared/music/bars.ts'
import { bpm } from '$shared/music/song.ts'
import { KEYBOARD_WIDTH, RULER_HEIGHT } from '../transform.ts'
import { barStep } from './grid.ts'
import { colors, type Scene } from './scene.ts'

/** Layer 7: the bar ruler: bar numbers, the selected bars, time-signature and tempo changes, the playhead mark. */
export function drawRuler(scene: Scene): void {
  const { ctx, width, transform, song } = scene
  ctx.fillStyle = colors.ruler
  ctx.fillRect(0, 0, width, RULER_HEIGHT)
  if (scene.bars) {
    const x0 = Math.max(KEYBOARD_WIDTH, transform.tickToX(barStartTick(song, scene.bars.start)))
    const x1 = Math.min(width, transform.tickToX(barStartTick(song, scene.bars.end)))
    if (x1 > x0) {
      ctx.fillStyle = scene.loop ? 'rgba(255, 184, 107, 0.35)' : 'rgba(122, 162, 255, 0.35)'
      ctx.fillRect(x0, 0, x1 - x0, RULER_HEIGHT)
      ctx.fillStyle = scene.loop ? '#ffb86b' : colors.selectedBarsEdge
      ctx.fillRect(x0, RULER_HEIGHT - 3, x1 - x0, 3)
    }
  }
  const { start, end } = transform.visibleTicks(width)
  const firstBar = barAtTick(song, Math.max(0, start))
  const lastBar = barAtTick(song, Math.max(0, end)) + 1
  const barPixels = (barStartTick(song, firstBar + 1) - barStartTick(song, firstBar)) * transform.view.pxPerTick
  const step = barStep(barPixels, 36)
  ctx.font = '11px system-ui, sans-serif'
  ctx.textBaseline = 'middle'
  for (let bar = firstBar - (firstBar % step); bar <= lastBar; bar += step) {
    const x = transform.tickToX(barStartTick(song, bar))
    if (x < KEYBOARD_WIDTH - 1) continue
    ctx.fillStyle = colors.rulerMuted
    ctx.fillRect(Math.round(x), 14, 1, RULER_HEIGHT - 14)
    ctx.fillStyle = colors.rulerText
    ctx.fillText(String(bar + 1), x + 4, 9)
  }
  ctx.font = '10px system-ui, sans-serif'
  ctx.fillStyle = colors.rulerMuted
  for (const signature of song.timeSignatures) {
    const x = transform.tickToX(signature.ticks)
    if (x >= KEYBOARD_WIDTH - 1 && x < width) ctx.fillText(`${signature.numerator}/${signature.denominator}`, x + 4, 21)
  }
  for (const tempo of song.tempos) {
    const x = transform.tickToX(tempo.ticks)
    if (x >= KEYBOARD_WIDTH - 1 && x < width) ctx.fillText(`♩=${Math.round(bpm(tempo.microsecondsPerQuarter))}`, x + 34, 21)
  }
  if (scene.playheadTick !== undefined) {
    const x = transform.tickToX(scene.playheadTick)
    if (x >= KEYBOARD_WIDTH) {
      ctx.fillStyle = colors.playhead
      ctx.beginPath()
      ctx.moveTo(x - 5, RULER_HEIGHT - 8)
      ctx.lineTo(x + 5, RULER_HEIGHT - 8)
      ctx.lineTo(x, RULER_HEIGHT)
      ctx.fill()
    }
  }
  ctx.fillStyle = colors.ruler
  ctx.fillRect(0, 0, KEYBOARD_WIDTH, RULER_HEIGHT)
  ctx.fillStyle = '#323743'
  ctx.fillRect(0, RULER_HEIGHT - 1, width, 1)
}
