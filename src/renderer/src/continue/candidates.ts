import type { Note, Ticks } from '$shared/music/types.ts'

/** One generated candidate, with where it came from. */
export interface CandidateEntry {
  /** The written notes, in the song's ticks. */
  notes: Note[]
  /** Where the written bars start and end. */
  startTick: Ticks
  endTick: Ticks
  /** Which Continue press made it (1, 2, …) and its number within that press (1, 2, …). */
  batch: number
  variation: number
  /** The seed and temperature it was made with, shown so a good one can be made again. */
  seed: number
  temperature: number
}

/** The candidates on offer and which one is shown. Plain values: every change returns a new list. */
export interface CandidateList {
  entries: readonly CandidateEntry[]
  /** Index of the candidate on show (-1 when there are none). */
  index: number
}

/** No candidates. */
export const emptyCandidates: CandidateList = { entries: [], index: -1 }

/** Adds a new batch after the earlier ones (which stay reachable) and shows its first candidate. */
export function addBatch(list: CandidateList, batch: readonly CandidateEntry[]): CandidateList {
  if (batch.length === 0) return list
  return { entries: [...list.entries, ...batch], index: list.entries.length }
}

/** Shows the next candidate (`step` 1) or the previous one (-1), wrapping around. */
export function cycle(list: CandidateList, step: number): CandidateList {
  const count = list.entries.length
  if (count === 0) return list
  return { ...list, index: (((list.index + step) % count) + count) % count }
}

/** The candidate on show. */
export function current(list: CandidateList): CandidateEntry | undefined {
  return list.entries[list.index]
}
