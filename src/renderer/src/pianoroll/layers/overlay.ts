import { RULER_HEIGHT, KEYBOARD_WIDTH } from '../transform.ts'
import { colors, type Scene } from './scene.ts'

/** Layer 5: the rubber band being dragged. */
export function drawRubberBand(scene: Scene): void {
  const band = scene.rubberBand
  if (!band) return
  const { ctx } = scene
  const x = Math.min(band.x0, band.x1)
  const y = Math.min(band.y0, band.y1)
  const w = Math.abs(band.x1 - band.x0)
  const h = Math.abs(band.y1 - band.y0)
  ctx.fillStyle = colors.rubber
  ctx.fillRect(x, y, w, h)
  ctx.strokeStyle = colors.rubberEdge
  ctx.strokeRect(x + 0.5, y + 0.5, w, h)
}

/** Layer 6: the playhead line, over everything but the ruler and keyboard. */
export function drawPlayhead(scene: Scene): void {
  if (scene.playheadTick === undefined) return
  const x = Math.round(scene.transform.tickToX(scene.playheadTick))
  if (x < KEYBOARD_WIDTH || x > scene.width) return
  scene.ctx.fillStyle = colors.playhead
  scene.ctx.fillRect(x, RULER_HEIGHT, 2, scene.height - RULER_HEIGHT)
}
