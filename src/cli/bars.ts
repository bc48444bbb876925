import { UsageError } from './command.ts'
import { CONTINUE_LIMITS } from '../shared/ipc/continue.ts'
import { barAtTick, type BarRange, type Song } from '../shared/music/index.ts'
import { shown } from './args.ts'

/** Bars as the user counts them: from 1, both ends included (`--bars 5-8` is bars 5, 6, 7 and 8). */
export interface UserBars {
  first: number
  last: number
}

/** Bars that hold notes: up to the bar where the last note of any track ends (0 for a song without notes). */
export function songBarCount(song: Song): number {
  let end = 0
  for (const track of song.tracks) for (const note of track.notes) end = Math.max(end, note.ticks + note.durationTicks)
  return end > 0 ? barAtTick(song, end - 1) + 1 : 0
}

/** "5-8", or "5" for one bar. */
export function formatBars({ first, last }: UserBars): string {
  return first === last ? `${first}` : `${first}-${last}`
}

function hasBars(count: number): string {
  return count === 1 ? 'the song has 1 bar' : `the song has ${count} bars`
}

/**
 * Reads `--bars A-B` or `--bars A` against the song: the message names what was typed and what is
 * allowed ("--bars 0-2: bars count from 1 (the song has 12 bars)").
 */
export function parseBars(text: string, barCount: number): UserBars {
  const typed = `--bars ${shown(text)}`
  const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text)
  if (!match) throw new UsageError(`${typed}: give a bar or a range of bars, counted from 1, e.g. --bars 5 or --bars 5-8`)
  const first = Number(match[1])
  const last = match[2] === undefined ? first : Number(match[2])
  if (first < 1) throw new UsageError(`${typed}: bars count from 1 (${hasBars(barCount)})`)
  if (last < first) throw new UsageError(`${typed}: the first bar comes first (did you mean --bars ${last}-${first}?)`)
  if (barCount === 0) throw new UsageError(`${typed}: the song has no notes, so no bars to continue`)
  if (last > barCount)
    throw new UsageError(`${typed}: ${hasBars(barCount)}${first <= barCount ? `, so the range can end at bar ${barCount}` : ''}`)
  const most = CONTINUE_LIMITS.maxSelectedBars
  if (last - first + 1 > most) throw new UsageError(`${typed}: that is ${last - first + 1} bars; continue at most ${most} at once`)
  return { first, last }
}

/** The user's bars as the app's selection: counted from 0, end exclusive. */
export function selectionOf({ first, last }: UserBars): BarRange {
  return { start: first - 1, end: last }
}
