import { describe, expect, it } from 'vitest'
import { quantizeNote, quantizeNotes, quantizeTick, stepTicks } from './quantize.ts'
import { normalizeNotes } from './notes.ts'

describe('quantize', () => {
  it('snaps ticks to the nearest grid line, half-way later', () => {
    expect(stepTicks(480, 4)).toBe(120)
    expect([0, 59, 60, 179, 181].map((t) => quantizeTick(t, 120))).toEqual([0, 0, 120, 120, 240])
    expect(quantizeTick(50, 96 / 5)).toBe(58) // fractional grids land on integer ticks
  })

  it('returns new notes, never shorter than one step', () => {
    const note = { pitch: 60, ticks: 130, durationTicks: 10, velocity: 90 }
    expect(quantizeNote(note, 120)).toEqual({ pitch: 60, ticks: 120, durationTicks: 120, velocity: 90 })
    expect(note.ticks).toBe(130)
  })

  it('resolves notes of one key that collide after snapping', () => {
    const notes = [
      { pitch: 60, ticks: 0, durationTicks: 130, velocity: 90 },
      { pitch: 60, ticks: 100, durationTicks: 120, velocity: 50 },
    ]
    expect(quantizeNotes(notes, 120)).toEqual([
      { pitch: 60, ticks: 0, durationTicks: 120, velocity: 90 },
      { pitch: 60, ticks: 120, durationTicks: 120, velocity: 50 },
    ])
  })

  it('normalizeNotes sorts, drops empty notes and keeps the later of two notes on one key and tick', () => {
    const counts = { zeroLength: 0, overlapsTrimmed: 0 }
    const notes = [
      { pitch: 64, ticks: 10, durationTicks: 5, velocity: 1 },
      { pitch: 60, ticks: 0, durationTicks: 0, velocity: 1 },
      { pitch: 62, ticks: 0, durationTicks: 9, velocity: 2 },
      { pitch: 62, ticks: 0, durationTicks: 4, velocity: 3 },
    ]
    expect(normalizeNotes(notes, counts).map((n) => [n.pitch, n.velocity])).toEqual([
      [62, 3],
      [64, 1],
    ])
    expect(counts).toEqual({ zeroLength: 2, overlapsTrimmed: 1 })
  })
})
