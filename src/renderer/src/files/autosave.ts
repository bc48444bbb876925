import type { Song } from '$shared/music/types.ts'
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
  private written: unknown = undefined

  constructor(private readonly options: AutosaveOptions = {}) {}

  /**
   * Starts the timer; `getSong` and `isDirty` are read at each tick. `getRevision` (e.g. the undo
   * history's length or a change counter), when given, skips writes while it has not changed since
   * the last one: a 200,000-note song costs main about 150 ms to check. Returns the function that stops it.
   */
  start(getSong: () => Song, isDirty: () => boolean, getRevision?: () => unknown): () => void {
    const timer = setInterval(() => void this.tick(getSong, isDirty, getRevision), this.options.intervalMs ?? Autosave.defaultIntervalMs)
    return () => clearInterval(timer)
  }

  /** Writes now if there are unsaved changes (and no write is still under way); true when written. */
  async tick(getSong: () => Song, isDirty: () => boolean, getRevision?: () => unknown): Promise<boolean> {
    if (this.writing || !isDirty()) return false
    const revision = getRevision?.()
    if (getRevision && revision === this.written) return false
    this.writing = true
    try {
      const answer = await (this.options.api ?? defaultApi()).writeAutosave(plainSong(getSong()))
      if (!answer.ok) this.options.onError?.(answer.error)
      else if (getRevision) this.written = revision
      return answer.ok
    } catch (error) {
      this.options.onError?.(error instanceof Error ? error.message : String(error))
      return false
    } finally {
      this.writing = false
    }
  }
}
