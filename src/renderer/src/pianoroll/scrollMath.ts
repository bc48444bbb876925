/** A scroll bar's thumb: where it starts and how long it is, as shares 0..1 of the bar. */
export interface Thumb {
  start: number
  size: number
}

/** The length a scroll bar stands for: the content, or what is in view when that reaches past it. */
function whole(start: number, visible: number, total: number): number {
  return Math.max(1, total, start + visible)
}

/** The thumb for a view showing [start, start + visible) of content `total` long (any one unit: ticks, pixels). */
export function thumbOf(start: number, visible: number, total: number): Thumb {
  const length = whole(start, visible, total)
  return { start: Math.min(1, Math.max(0, start / length)), size: Math.min(1, visible / length) }
}

/** Where a click at share `at` (0..1) of the bar scrolls to: that place in the middle of the view. */
export function scrollForClick(at: number, start: number, visible: number, total: number): number {
  return at * whole(start, visible, total) - visible / 2
}

/** Where dragging the thumb by share `moved` of the bar scrolls to, from where the drag began. */
export function scrollForDrag(from: number, moved: number, visible: number, total: number): number {
  return from + moved * whole(from, visible, total)
}
