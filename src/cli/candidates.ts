import type { Candidate } from '../shared/ipc/continue.ts'
import { DRUM_CHANNEL, type Song, type Track } from '../shared/music/index.ts'

/**
 * `count` channels for continuation tracks: those the song leaves free first (never the drum
 * channel), so each candidate can be muted or soloed apart; shared ones only when 15 are not enough.
 */
export function continuationChannels(song: Song, count: number): number[] {
  const used = new Set(song.tracks.map((t) => t.channel))
  const melodic = Array.from({ length: 16 }, (_, c) => c).filter((c) => c !== DRUM_CHANNEL)
  const order = [...melodic.filter((c) => !used.has(c)), ...melodic.filter((c) => used.has(c))]
  return Array.from({ length: count }, (_, i) => order[i % order.length] as number)
}

/**
 * What `continue` writes: one song per candidate (the song plus "Continuation i"), or with `oneFile`
 * a single song with every candidate as its own named track on its own channel.
 */
export function continuationSongs(song: Song, candidates: readonly Candidate[], oneFile: boolean): Song[] {
  const channels = continuationChannels(song, oneFile ? candidates.length : 1)
  const track = (c: Candidate, i: number, channel: number) => candidateTrack(c, `Continuation ${i + 1}`, channel)
  if (oneFile) return [{ ...song, tracks: [...song.tracks, ...candidates.map((c, i) => track(c, i, channels[i] as number))] }]
  return candidates.map((c, i) => ({ ...song, tracks: [...song.tracks, track(c, i, channels[0] as number)] }))
}

/** A track holding one candidate, for writing candidates next to the song. */
export function candidateTrack(candidate: Candidate, name: string, channel = 0): Track {
  return { name, channel, instrument: 0, isDrum: false, notes: candidate.notes, controlChanges: [], pitchBends: [] }
}
