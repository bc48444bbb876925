import { describe, expect, it } from 'vitest'
import { addBatch, current, cycle, emptyCandidates, type CandidateEntry } from './candidates.ts'

const entry = (batch: number, variation: number): CandidateEntry => ({
  notes: [{ pitch: 60 + variation, ticks: 1920, durationTicks: 240, velocity: 80 }],
  startTick: 1920,
  endTick: 3840,
  batch,
  variation,
  seed: batch,
  temperature: 1,
})

describe('candidate cycling', () => {
  it('shows the first of a batch, cycles both ways and wraps', () => {
    let list = addBatch(emptyCandidates, [entry(1, 1), entry(1, 2), entry(1, 3)])
    expect(current(list)?.variation).toBe(1)
    list = cycle(list, 1)
    expect(current(list)?.variation).toBe(2)
    list = cycle(cycle(list, 1), 1)
    expect(current(list)?.variation).toBe(1)
    list = cycle(list, -1)
    expect(current(list)?.variation).toBe(3)
  })

  it('a second batch keeps the earlier candidates reachable and shows its own first', () => {
    let list = addBatch(emptyCandidates, [entry(1, 1), entry(1, 2)])
    list = addBatch(list, [entry(2, 1), entry(2, 2)])
    expect(list.entries).toHaveLength(4)
    expect(current(list)).toMatchObject({ batch: 2, variation: 1 })
    list = cycle(list, -1)
    expect(current(list)).toMatchObject({ batch: 1, variation: 2 })
  })

  it('an empty list stays empty; an empty batch changes nothing', () => {
    expect(current(cycle(emptyCandidates, 1))).toBeUndefined()
    expect(addBatch(emptyCandidates, [])).toBe(emptyCandidates)
  })
})
