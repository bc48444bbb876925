import type { Song, Ticks } from '$shared/music/types.ts'
import { barStartTick } from '$shared/music/bars.ts'
import { KEYBOARD_WIDTH, RollTransform, type View } from '../pianoroll/transform.ts'
import { centerPitch, clampView, fitView, zoomXAt, zoomYAt } from '../pianoroll/viewMath.ts'
import { songExtent } from '../pianoroll/extent.ts'

/** The piano roll's scroll and zoom, and the canvas size; the maths lives in viewMath.ts. */
export class Viewport {
  #view = $state.raw<View>({ pxPerTick: 0.1, keyHeight: 14, scrollTick: 0, scrollY: 0 })
  #width = $state(800)
  #height = $state(600)
  #transform = $derived(new RollTransform(this.#view))
  #centred = false

  /** Zoom and scroll. */
  get view(): View {
    return this.#view
  }

  /** Canvas width in CSS pixels. */
  get width(): number {
    return this.#width
  }

  /** Canvas height in CSS pixels. */
  get height(): number {
    return this.#height
  }

  /** The transform of the current view. */
  get transform(): RollTransform {
    return this.#transform
  }

  /** Sets the canvas size; the first time, scrolls to middle C. */
  resize(width: number, height: number): void {
    this.#width = width
    this.#height = height
    this.#view = this.#centred ? clampView(this.#view, height) : centerPitch(this.#view, height, 66)
    this.#centred = true
  }

  /** Scrolls by pixels. */
  scrollBy(dx: number, dy: number): void {
    const v = this.#view
    this.#view = clampView({ ...v, scrollTick: v.scrollTick + dx / v.pxPerTick, scrollY: v.scrollY + dy }, this.#height)
  }

  /** Zooms time by `factor` around canvas x (the middle by default). */
  zoomX(factor: number, x = this.#width / 2): void {
    this.#view = clampView(zoomXAt(this.#view, factor, x), this.#height)
  }

  /** Zooms keys by `factor` around canvas y. */
  zoomY(factor: number, y = this.#height / 2): void {
    this.#view = clampView(zoomYAt(this.#view, factor, y), this.#height)
  }

  /** Shows the whole song (or the first bars of an empty one). */
  fit(song: Song): void {
    this.#view = this.#fitted(song)
  }

  /** Fits the song's length to the width, keeping the keys as they are. */
  fitTime(song: Song): void {
    const fitted = this.#fitted(song)
    this.#view = clampView({ ...this.#view, pxPerTick: fitted.pxPerTick, scrollTick: fitted.scrollTick }, this.#height)
  }

  /** Fits the song's pitches to the height, keeping the time as it is. */
  fitKeys(song: Song): void {
    const fitted = this.#fitted(song)
    this.#view = clampView({ ...this.#view, keyHeight: fitted.keyHeight, scrollY: fitted.scrollY }, this.#height)
  }

  /** Scrolls the keys so that the view starts `y` pixels below the top key. */
  scrollToY(y: number): void {
    this.#view = clampView({ ...this.#view, scrollY: y }, this.#height)
  }

  /** Scrolls so that `tick` sits at `at` (0 = left edge, 1 = right edge) of the note area. */
  scrollToTick(tick: Ticks, at = 0): void {
    const area = Math.max(1, this.#width - KEYBOARD_WIDTH)
    this.#view = clampView({ ...this.#view, scrollTick: tick - (at * area) / this.#view.pxPerTick }, this.#height)
  }

  /**
   * Scrolls the least that brings ticks `start` to `end` into view, with a little room at the edges
   * (Continue's candidates, written after bars that may fill the view); `start` stays in view when the
   * whole span cannot.
   */
  reveal(start: Ticks, end: Ticks): void {
    const span = Math.max(1, this.#width - KEYBOARD_WIDTH) / this.#view.pxPerTick
    const left = this.#view.scrollTick
    if (start >= left && end <= left + span) return
    const margin = span * 0.05
    const fits = end - start + 2 * margin <= span
    const scrollTick = fits && end > left + span ? end + margin - span : start - margin
    this.#view = clampView({ ...this.#view, scrollTick }, this.#height)
  }

  /** Scrolls so that `tick` is in view, paging when it passes the right edge (follow playhead). */
  follow(tick: Ticks): void {
    const t = this.#transform
    const x = t.tickToX(tick)
    if (x > this.#width - 40 || x < t.tickToX(this.#view.scrollTick)) {
      this.#view = { ...this.#view, scrollTick: Math.max(0, tick - 40 / this.#view.pxPerTick) }
    }
  }

  #fitted(song: Song): View {
    const extent = songExtent(song)
    const end = Math.max(extent.end, barStartTick(song, 4))
    return fitView(this.#view, this.#width, this.#height, { start: 0, end, low: extent.low, high: extent.high })
  }
}
