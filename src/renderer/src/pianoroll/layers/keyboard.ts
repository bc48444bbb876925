import { KEYBOARD_WIDTH, RULER_HEIGHT } from '../transform.ts'
import { isBlackKey } from './rows.ts'
import { colors, type Scene } from './scene.ts'

/** Share of the keyboard's width a black key covers. */
const BLACK_WIDTH = 0.62

/** Layer 8: the 88-key keyboard on the left: white keys with lines between, shorter black keys, C labels, the pressed key lit. */
export function drawKeyboard(scene: Scene): void {
  const { ctx, height, transform } = scene
  const { low, high } = transform.visiblePitches(height)
  const keyHeight = transform.view.keyHeight
  ctx.save()
  ctx.beginPath()
  ctx.rect(0, RULER_HEIGHT, KEYBOARD_WIDTH, height - RULER_HEIGHT)
  ctx.clip()
  ctx.fillStyle = colors.whiteKey
  ctx.fillRect(0, RULER_HEIGHT, KEYBOARD_WIDTH, height - RULER_HEIGHT)
  ctx.font = `${Math.min(10, keyHeight - 2)}px system-ui, sans-serif`
  ctx.textBaseline = 'middle'
  for (let pitch = low; pitch <= high; pitch++) {
    const y = transform.pitchToY(pitch)
    const black = isBlackKey(pitch)
    if (black) {
      ctx.fillStyle = scene.pressedPitch === pitch ? colors.keyPressed : colors.blackKey
      ctx.fillRect(0, y, KEYBOARD_WIDTH * BLACK_WIDTH, keyHeight)
      continue
    }
    if (scene.pressedPitch === pitch) {
      ctx.fillStyle = colors.keyPressed
      ctx.fillRect(0, y, KEYBOARD_WIDTH, keyHeight)
    }
    // A line under a white key where the next key down is white too (B|C and E|F), and under every
    // black key's middle, so white keys read as the wide keys they are.
    ctx.fillStyle = '#9aa0ad'
    if (!isBlackKey(pitch - 1)) ctx.fillRect(0, y + keyHeight - 0.5, KEYBOARD_WIDTH, 1)
    else ctx.fillRect(KEYBOARD_WIDTH * BLACK_WIDTH, y + keyHeight + keyHeight / 2 - 0.5, KEYBOARD_WIDTH * (1 - BLACK_WIDTH), 1)
    if (pitch % 12 === 0 && keyHeight >= 7) {
      ctx.fillStyle = colors.keyLabel
      ctx.fillText(`C${pitch / 12 - 1}`, KEYBOARD_WIDTH - 22, y + keyHeight / 2)
    }
  }
  ctx.restore()
  ctx.fillStyle = '#323743'
  ctx.fillRect(KEYBOARD_WIDTH - 1, RULER_HEIGHT, 1, height - RULER_HEIGHT)
}
