import type { Ticks } from '$shared/music/types.ts'
import { HIGHEST_MIDI, LOWEST_MIDI } from '$shared/music/constants.ts'

/** Width of the keyboard on the left, in CSS pixels. */
export const KEYBOARD_WIDTH = 64
/** Height of the bar ruler on top, in CSS pixels. */
export const RULER_HEIGHT = 28

/** Where the roll is scrolled and how far it is zoomed: the state a transform is made from. */
export interface View {
  /** Horizontal zoom: CSS pixels per tick. */
  pxPerTick: number
  /** Vertical zoom: CSS pixels per key. */
  keyHeight: number
  /** Tick at the left edge of the note area. */
  scrollTick: Ticks
  /** Pixels scrolled down from the top key (C8). */
  scrollY: number
}

/**
 * Converts between song coordinates (ticks, MIDI pitch) and canvas pixels for one view. A small value
 * type: gestures, layers and hit tests all go through it, so they agree.
 */
export class RollTransform {
  constructor(readonly view: Readonly<View>) {}

  /** Canvas x of a tick. */
  tickToX(tick: Ticks): number {
    return KEYBOARD_WIDTH + (tick - this.view.scrollTick) * this.view.pxPerTick
  }

  /** Tick (fractional) at a canvas x. */
  xToTick(x: number): Ticks {
    return this.view.scrollTick + (x - KEYBOARD_WIDTH) / this.view.pxPerTick
  }

  /** Canvas y of the top edge of a pitch's row. */
  pitchToY(pitch: number): number {
    return RULER_HEIGHT + (HIGHEST_MIDI - pitch) * this.view.keyHeight - this.view.scrollY
  }

  /** The pitch whose row holds canvas y, clamped to the piano. */
  yToPitch(y: number): number {
    const pitch = HIGHEST_MIDI - Math.floor((y - RULER_HEIGHT + this.view.scrollY) / this.view.keyHeight)
    return Math.min(HIGHEST_MIDI, Math.max(LOWEST_MIDI, pitch))
  }

  /** Pitch range [low, high] with rows visible in a canvas of this height. */
  visiblePitches(height: number): { low: number; high: number } {
    return { low: this.yToPitch(height), high: this.yToPitch(RULER_HEIGHT) }
  }

  /** Tick range [start, end) visible in a canvas of this width. */
  visibleTicks(width: number): { start: Ticks; end: Ticks } {
    return { start: this.view.scrollTick, end: this.xToTick(width) }
  }
}
