/**
 * Sizes `canvas` for `width` x `height` CSS pixels at the screen's pixel ratio (only when that changes)
 * and returns its opaque 2D context drawing in CSS pixels; undefined when the canvas has none.
 */
export function scaledContext(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | undefined {
  const ratio = window.devicePixelRatio || 1
  const w = Math.round(width * ratio)
  const h = Math.round(height * ratio)
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w
    canvas.height = h
  }
  const ctx = canvas.getContext('2d', { alpha: false })
  ctx?.setTransform(ratio, 0, 0, ratio, 0, 0)
  return ctx ?? undefined
}
