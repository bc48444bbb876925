import { describe, expect, it } from 'vitest'
import { scrollForClick, scrollForDrag, thumbOf } from './scrollMath.ts'

describe('scroll bar maths', () => {
  it('the thumb is the share of the content in view, where it is', () => {
    expect(thumbOf(0, 250, 1000)).toEqual({ start: 0, size: 0.25 })
    expect(thumbOf(500, 250, 1000)).toEqual({ start: 0.5, size: 0.25 })
    // Scrolled past the content's end (room to write into): the bar stands for what is in view.
    const past = thumbOf(900, 200, 1000)
    expect([past.start, past.size]).toEqual([900 / 1100, 200 / 1100])
    expect(thumbOf(0, 2000, 1000)).toEqual({ start: 0, size: 1 })
  })

  it('a click centres the view on the place clicked; a drag moves it by the share dragged', () => {
    expect(scrollForClick(0.5, 0, 250, 1000)).toBe(375)
    expect(scrollForDrag(100, 0.1, 250, 1000)).toBe(200)
  })
})
