import { describe, expect, it } from 'vitest'
import { History } from './history.ts'

describe('History (snapshot undo)', () => {
  it('undoes and redoes in order; a new change clears redo', () => {
    const h = new History<string>()
    h.push('a')
    h.push('b')
    expect(h.undo('c')).toBe('b')
    expect(h.undo('b')).toBe('a')
    expect(h.undo('a')).toBeUndefined()
    expect(h.redo('a')).toBe('b')
    expect(h.canRedo).toBe(true)
    h.push('b')
    expect(h.canRedo).toBe(false)
    expect(h.redo('x')).toBeUndefined()
  })

  it('keeps at most its limit of steps', () => {
    const h = new History<number>(3)
    for (let i = 0; i < 10; i++) h.push(i)
    expect([h.undo(10), h.undo(9), h.undo(8), h.undo(7)]).toEqual([9, 8, 7, undefined])
  })
})
