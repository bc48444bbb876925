import { describe, expect, it } from 'vitest'
import { KEYBOARD_WIDTH, RULER_HEIGHT, RollTransform } from './transform.ts'
import { clampView, fitView, zoomXAt, zoomYAt } from './viewMath.ts'

const view = { pxPerTick: 0.1, keyHeight: 10, scrollTick: 960, scrollY: 200 }

describe('RollTransform', () => {
  const t = new RollTransform(view)

  it('maps ticks to x and back', () => {
    expect(t.tickToX(960)).toBe(KEYBOARD_WIDTH)
    expect(t.tickToX(1960)).toBe(KEYBOARD_WIDTH + 100)
    expect(t.xToTick(t.tickToX(1234))).toBeCloseTo(1234)
  })

  it('maps pitches to rows and back, clamped to the piano', () => {
    expect(t.pitchToY(108)).toBe(RULER_HEIGHT - 200)
    for (const pitch of [21, 60, 61, 108]) {
      const y = t.pitchToY(pitch)
      expect(t.yToPitch(y)).toBe(pitch)
      expect(t.yToPitch(y + 9.9)).toBe(pitch)
    }
    expect(t.yToPitch(-1000)).toBe(108)
    expect(t.yToPitch(10_000)).toBe(21)
  })

  it('reports the visible ranges', () => {
    expect(t.visibleTicks(KEYBOARD_WIDTH + 500)).toEqual({ start: 960, end: 5960 })
    const { low, high } = t.visiblePitches(RULER_HEIGHT + 100)
    expect(high - low).toBe(10)
  })
})

describe('view maths', () => {
  it('zooming keeps the point under the pointer in place', () => {
    const x = 400
    const before = new RollTransform(view).xToTick(x)
    const zoomed = zoomXAt(view, 2, x)
    expect(zoomed.pxPerTick).toBe(0.2)
    expect(new RollTransform(zoomed).xToTick(x)).toBeCloseTo(before)
    const y = 300
    const pitchBefore = new RollTransform(view).yToPitch(y)
    expect(new RollTransform(zoomYAt(view, 1.5, y)).yToPitch(y)).toBe(pitchBefore)
  })

  it('clamps zoom and scroll to the song and the keyboard', () => {
    const v = clampView({ pxPerTick: 100, keyHeight: 1, scrollTick: -5, scrollY: 1e6 }, 300)
    expect(v.pxPerTick).toBe(1)
    expect(v.keyHeight).toBe(5)
    expect(v.scrollTick).toBe(0)
    expect(v.scrollY).toBe(88 * 5 - (300 - RULER_HEIGHT))
  })

  it('fit shows the whole range', () => {
    const v = fitView(view, 1064, 700, { start: 0, end: 19_200, low: 48, high: 72 })
    const t = new RollTransform(v)
    expect(t.tickToX(19_200)).toBeLessThanOrEqual(1064)
    expect(t.pitchToY(72)).toBeGreaterThanOrEqual(RULER_HEIGHT)
    expect(t.pitchToY(48) + v.keyHeight).toBeLessThanOrEqual(700)
  })
})
