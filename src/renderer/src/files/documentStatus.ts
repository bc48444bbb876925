import type { Song } from '$shared/music/types.ts'
import { defaultApi, type FilesApi } from './api.ts'
import { save } from './fileActions.ts'
import type { Outcome } from './outcome.ts'

/**
 * Tells main whether the document has unsaved changes (for the title's marker and the question on
 * closing). Only changes are sent, so calling `set` after every edit costs nothing.
 */
export class DocumentStatus {
  private last: boolean | undefined

  constructor(private readonly api: FilesApi = defaultApi()) {}

  /** Reports the unsaved state; `name` renames an untitled document in the title. */
  async set(dirty: boolean, name?: string): Promise<void> {
    if (dirty === this.last && name === undefined) return
    this.last = dirty
    await this.api.setDocumentState(name === undefined ? { dirty } : { dirty, name }).catch(() => undefined)
  }

  /** Forgets the last state sent (after main reset it itself: open, new, save, restore). */
  reset(dirty: boolean): void {
    this.last = dirty
  }
}

/**
 * Answers main's "save before closing": saves `getSong()` (through the save dialog when the document
 * has no file); once that save succeeds main closes the window. `onResult` hears how it went, so a
 * failure can be shown. Returns the unsubscribe.
 */
export function installCloseGuard(
  getSong: () => Song,
  onResult?: (outcome: Outcome<{ name: string }>) => void,
  api: FilesApi = defaultApi(),
): () => void {
  return api.onSaveBeforeClose(() => {
    void save(getSong(), { api }).then((outcome) => onResult?.(outcome))
  })
}
