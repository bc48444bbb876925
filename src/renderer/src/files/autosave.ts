import type { Song } from '../../../shared/music/types.ts'
import { defaultApi, type FilesApi } from './api.ts'
import { plainSong } from './plainSong.ts'

/** Options of the autosave timer. */
export interface AutosaveOptions {
  /** Milliseconds between autosaves while there are unsaved changes. */
  intervalMs?: number
  /** Called with a sentence when an autosave could not be written (the editor may show it quietly). */
  onError?(error: string): void
  /** window.api by default. */
  api?: FilesApi
}

/** Writes the song to the app's data folder every few seconds while it has unsaved changes. */
export class Autosave {
  /** Milliseconds between autosaves unless the options say otherwise. */
  static readonly defaultIntervalMs = 5_000
  private writing = false

  constructor(private readonly options: AutosaveOptions = {}) {}

  /** Starts the timer; `getSong` and `isDirty` are read at each tick. Returns the function that stops it. */
  start(getSong: () => Song, isDirty: () => boolean): () => void {
    const timer = setInterval(() => void this.tick(getSong, isDirty), this.options.intervalMs ?? Autosave.defaultIntervalMs)
    return () => clearInterval(timer)
  }

  /** Writes now if there are unsaved changes (and no write is still under way); true when written. */
  async tick(getSong: () => Song, isDirty: () => boolean): Promise<boolean> {
    if (this.writing || !isDirty()) return false
    this.writing = true
    try {
      const answer = await (this.options.api ?? defaultApi()).writeAutosave(plainSong(getSong()))
      if (!answer.ok) this.options.onError?.(answer.error)
      return answer.ok
    } catch (error) {
      this.options.onError?.(error instanceof Error ? error.message : String(error))
      return false
    } finally {
      this.writing = false
    }
  }
}
