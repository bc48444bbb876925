import { barAtTick, barStartTick, beatTicks, timeSignatureAt } from '$shared/music/bars.ts'
import { RULER_HEIGHT } from '../transform.ts'
import { colors, type Scene } from './scene.ts'

/** Fewest pixels between two drawn lines of one kind; denser lines are skipped. */
const MIN_SPACING = 7

/** The bars to label or line: every `step`-th bar, a power of two so they stay regular. */
export function barStep(barPixels: number, minSpacing: number): number {
  let step = 1
  while (barPixels * step < minSpacing && step < 1 << 20) step *= 2
  return step
}

/** Layer 2: the selected bars' shade, then grid subdivisions, beats and bars from the time-signature map. */
export function drawGrid(scene: Scene): void {
  const { ctx, width, height, transform, song } = scene
  const { start, end } = transform.visibleTicks(width)
  if (scene.bars) {
    const x0 = Math.max(0, transform.tickToX(barStartTick(song, scene.bars.start)))
    const x1 = Math.min(width, transform.tickToX(barStartTick(song, scene.bars.end)))
    if (x1 > x0) {
      ctx.fillStyle = colors.selectedBars
      ctx.fillRect(x0, RULER_HEIGHT, x1 - x0, height - RULER_HEIGHT)
    }
  }
  const px = transform.view.pxPerTick
  const firstBar = barAtTick(song, Math.max(0, start))
  const lastBar = barAtTick(song, Math.max(0, end)) + 1
  const barPixels = (barStartTick(song, firstBar + 1) - barStartTick(song, firstBar)) * px
  const step = barStep(barPixels, MIN_SPACING)
  for (let bar = firstBar - (firstBar % step); bar <= lastBar; bar += step) {
    const barStart = barStartTick(song, bar)
    const barEnd = barStartTick(song, bar + 1)
    if (step === 1) {
      const signature = timeSignatureAt(song, barStart)
      const beat = beatTicks(signature, song.ppq)
      if (scene.gridTicks > 0 && scene.gridTicks * px >= MIN_SPACING && scene.gridTicks < beat) {
        ctx.fillStyle = colors.subLine
        for (let t = barStart + scene.gridTicks; t < barEnd - 0.5; t += scene.gridTicks)
          ctx.fillRect(Math.round(transform.tickToX(t)), RULER_HEIGHT, 1, height)
      }
      if (beat * px >= MIN_SPACING) {
        ctx.fillStyle = colors.beatLine
        for (let t = barStart + beat; t < barEnd - 0.5; t += beat) ctx.fillRect(Math.round(transform.tickToX(t)), RULER_HEIGHT, 1, height)
      }
    }
    ctx.fillStyle = colors.barLine
    ctx.fillRect(Math.round(transform.tickToX(barStart)), RULER_HEIGHT, 1, height)
  }
}
