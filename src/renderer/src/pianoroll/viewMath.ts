import type { Ticks } from '$shared/music/types.ts'
import { KEYS, HIGHEST_MIDI } from '$shared/music/constants.ts'
import { KEYBOARD_WIDTH, RULER_HEIGHT, type View } from './transform.ts'

/** Zoom limits: pixels per tick (at PPQ 480, 0.002..1 is ~1 px to ~480 px per quarter). */
export const ZOOM_X = { min: 0.002, max: 1 } as const
/** Zoom limits: pixels per key. */
export const ZOOM_Y = { min: 5, max: 40 } as const

/** The tallest keys Fit makes. */
export const FIT_MAX_KEY_HEIGHT = 18

/** The view kept inside the song: no scrolling before tick 0 or past the keyboard's ends. */
export function clampView(view: View, height: number): View {
  const pxPerTick = Math.min(ZOOM_X.max, Math.max(ZOOM_X.min, view.pxPerTick))
  const keyHeight = Math.min(ZOOM_Y.max, Math.max(ZOOM_Y.min, view.keyHeight))
  const maxScrollY = Math.max(0, KEYS * keyHeight - (height - RULER_HEIGHT))
  return { pxPerTick, keyHeight, scrollTick: Math.max(0, view.scrollTick), scrollY: Math.min(maxScrollY, Math.max(0, view.scrollY)) }
}

/** Zooms horizontally by `factor`, keeping the tick under canvas x where it is. */
export function zoomXAt(view: View, factor: number, x: number): View {
  const anchor = view.scrollTick + (x - KEYBOARD_WIDTH) / view.pxPerTick
  const pxPerTick = Math.min(ZOOM_X.max, Math.max(ZOOM_X.min, view.pxPerTick * factor))
  return { ...view, pxPerTick, scrollTick: Math.max(0, anchor - (x - KEYBOARD_WIDTH) / pxPerTick) }
}

/** Zooms vertically by `factor`, keeping the pitch under canvas y where it is. */
export function zoomYAt(view: View, factor: number, y: number): View {
  const anchor = (y - RULER_HEIGHT + view.scrollY) / view.keyHeight
  const keyHeight = Math.min(ZOOM_Y.max, Math.max(ZOOM_Y.min, view.keyHeight * factor))
  return { ...view, keyHeight, scrollY: Math.max(0, anchor * keyHeight - (y - RULER_HEIGHT)) }
}

/** A view that shows ticks [start, end) and pitches [low, high] in a canvas of this size. */
export function fitView(view: View, width: number, height: number, range: { start: Ticks; end: Ticks; low: number; high: number }): View {
  const ticks = Math.max(1, range.end - range.start)
  const pxPerTick = (Math.max(100, width - KEYBOARD_WIDTH) * 0.96) / ticks
  const rows = range.high - range.low + 1 + 4
  // Capped below the zoom limit: a few notes should not fill the screen with giant keys.
  const keyHeight = Math.min(FIT_MAX_KEY_HEIGHT, Math.max(ZOOM_Y.min, Math.floor((height - RULER_HEIGHT) / rows)))
  const middle = (HIGHEST_MIDI - (range.low + range.high) / 2 + 0.5) * keyHeight
  const scrollY = middle - (height - RULER_HEIGHT) / 2
  return clampView({ pxPerTick, keyHeight, scrollTick: range.start, scrollY }, height)
}

/** The view scrolled so that pitch sits in the middle, at the same zoom. */
export function centerPitch(view: View, height: number, pitch: number): View {
  const rowTop = (HIGHEST_MIDI - pitch) * view.keyHeight
  return clampView({ ...view, scrollY: rowTop - (height - RULER_HEIGHT) / 2 }, height)
}
