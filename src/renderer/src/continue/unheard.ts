import type { ModelStatus } from '$shared/ipc/app.ts'
import { describeGridLoss, gridLoss } from '$shared/music/gridLoss.ts'
import { modelNotes } from '$shared/music/song.ts'
import type { BarRange, Song } from '$shared/music/types.ts'

/**
 * What the model cannot hear of the bars Continue would send (`range` and `contextBars` before it):
 * "The model hears eighth notes: 23 of 128 notes were merged.", or nothing when its grid keeps them all
 * (or there is no model or no range yet).
 */
export function unheardLine(song: Song, range: BarRange | undefined, contextBars: number, model: ModelStatus): string | undefined {
  if (!range || model.state !== 'ready' || !model.model) return undefined
  const bars = { start: Math.max(0, range.start - Math.max(0, Math.round(contextBars))), end: range.end }
  const line = describeGridLoss(gridLoss(modelNotes(song), song, bars, model.model.stepsPerQuarter))
  return line && `${line.charAt(0).toUpperCase()}${line.slice(1)}.`
}
