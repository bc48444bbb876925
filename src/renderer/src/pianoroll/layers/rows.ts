import { RULER_HEIGHT } from '../transform.ts'
import { colors, type Scene } from './scene.ts'

const BLACK = new Set([1, 3, 6, 8, 10])

/** True for the black keys' pitch classes. */
export function isBlackKey(pitch: number): boolean {
  return BLACK.has(((pitch % 12) + 12) % 12)
}

/** Layer 1: one band per key, darker for black keys, a line under each C. */
export function drawRows(scene: Scene): void {
  const { ctx, width, height, transform } = scene
  ctx.fillStyle = colors.background
  ctx.fillRect(0, 0, width, height)
  const { low, high } = transform.visiblePitches(height)
  const keyHeight = transform.view.keyHeight
  for (let pitch = low; pitch <= high; pitch++) {
    const y = transform.pitchToY(pitch)
    ctx.fillStyle = isBlackKey(pitch) ? colors.blackRow : colors.whiteRow
    ctx.fillRect(0, Math.max(RULER_HEIGHT, y), width, keyHeight - 1)
    if (pitch % 12 === 0) {
      ctx.fillStyle = colors.octaveLine
      ctx.fillRect(0, y + keyHeight - 1, width, 1)
    }
  }
}
