import { describe, expect, it } from 'vitest'
import { flushSync } from 'svelte'
import { Viewport } from './viewport.svelte.ts'
import { KEYBOARD_WIDTH, RULER_HEIGHT } from '../pianoroll/transform.ts'
import { songWith } from '#fixtures/editorSongs.ts'

/** The pitch in the middle row of the note area. */
const middlePitch = (vp: Viewport) => vp.transform.yToPitch(RULER_HEIGHT + (vp.height - RULER_HEIGHT) / 2)

describe('Viewport', () => {
  it('the first size centres the keys on F#4 (66); later sizes keep the scroll', () => {
    const vp = new Viewport()
    vp.resize(1000, 500)
    expect(middlePitch(vp)).toBe(66)
    vp.scrollBy(0, -200)
    const scrolled = vp.view
    vp.resize(1000, 520)
    expect(vp.view.scrollY).toBe(scrolled.scrollY)
    expect([vp.width, vp.height]).toEqual([1000, 520])
  })

  it('zooming keeps the tick under the pointer; scrolling never goes before tick 0', () => {
    const vp = new Viewport()
    vp.resize(1000, 500)
    vp.scrollToTick(4000)
    const x = 600
    const under = vp.transform.xToTick(x)
    vp.zoomX(2, x)
    expect(vp.transform.xToTick(x)).toBeCloseTo(under)
    vp.scrollBy(-1e6, 0)
    expect(vp.view.scrollTick).toBe(0)
  })

  it('reveal scrolls the least that shows a span, and keeps its start in view when the span is wider', () => {
    const vp = new Viewport()
    vp.resize(1000, 500)
    const visible = () => [vp.transform.xToTick(KEYBOARD_WIDTH), vp.transform.xToTick(1000)] as const
    const [left, right] = visible()
    vp.reveal(left + 10, right - 10)
    expect(visible()).toEqual([left, right])
    const width = right - left
    vp.reveal(right + width / 4, right + width / 2)
    expect(visible()[1]).toBeGreaterThan(right + width / 2)
    expect(visible()[0]).toBeLessThan(right + width / 4)
    expect(visible()[0]).toBeGreaterThan(left)
    vp.reveal(10 * width, 12 * width)
    expect(visible()[0]).toBeLessThan(10 * width)
    expect(visible()[0]).toBeGreaterThan(9 * width)
  })

  it('fit shows the whole song from its start', () => {
    const vp = new Viewport()
    vp.resize(1000, 500)
    const song = songWith([
      { pitch: 40, ticks: 0 },
      { pitch: 90, ticks: 30_000, durationTicks: 480 },
    ])
    vp.fit(song)
    const t = vp.transform
    expect(t.tickToX(0)).toBe(KEYBOARD_WIDTH)
    expect(t.tickToX(30_480)).toBeLessThanOrEqual(vp.width)
    expect(t.visiblePitches(vp.height).low).toBeLessThanOrEqual(40)
    expect(t.visiblePitches(vp.height).high).toBeGreaterThanOrEqual(90)
  })

  it('fitting one axis keeps the other; the keys scroll to a y, kept inside the keyboard', () => {
    const vp = new Viewport()
    vp.resize(1000, 500)
    vp.zoomY(2)
    vp.scrollToTick(5000)
    const song = songWith([
      { pitch: 40, ticks: 0 },
      { pitch: 90, ticks: 30_000, durationTicks: 480 },
    ])
    const keys = { keyHeight: vp.view.keyHeight, scrollY: vp.view.scrollY }
    vp.fitTime(song)
    expect([vp.view.scrollTick, vp.transform.tickToX(30_480) <= vp.width]).toEqual([0, true])
    expect({ keyHeight: vp.view.keyHeight, scrollY: vp.view.scrollY }).toEqual(keys)
    const time = { pxPerTick: vp.view.pxPerTick, scrollTick: vp.view.scrollTick }
    vp.fitKeys(song)
    expect(vp.transform.visiblePitches(vp.height).low).toBeLessThanOrEqual(40)
    expect(vp.transform.visiblePitches(vp.height).high).toBeGreaterThanOrEqual(90)
    expect({ pxPerTick: vp.view.pxPerTick, scrollTick: vp.view.scrollTick }).toEqual(time)
    vp.scrollToY(-50)
    expect(vp.view.scrollY).toBe(0)
    vp.scrollToY(1e6)
    expect(vp.transform.pitchToY(21) + vp.view.keyHeight).toBeCloseTo(vp.height)
  })

  it('following the playhead pages when it passes the right edge', () => {
    const vp = new Viewport()
    vp.resize(1000, 500)
    const inView = vp.transform.xToTick(500)
    vp.follow(inView)
    expect(vp.view.scrollTick).toBe(0)
    const past = vp.transform.xToTick(990)
    vp.follow(past)
    expect(vp.transform.tickToX(past)).toBeCloseTo(KEYBOARD_WIDTH + 40)
  })

  it('the transform follows the view, for the canvas effect that draws with it', () => {
    const vp = new Viewport()
    vp.resize(1000, 500)
    const seen: number[] = []
    const stop = $effect.root(() => {
      $effect(() => void seen.push(vp.transform.view.scrollTick))
    })
    flushSync()
    vp.scrollToTick(960)
    flushSync()
    stop()
    expect(seen).toEqual([0, 960])
  })
})
