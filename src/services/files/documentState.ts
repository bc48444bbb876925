import { basename } from 'node:path'

/** The name of a document that has no file yet. */
export const UNTITLED = 'Untitled'

/** The app's name, last in the window title. */
export const APP_NAME = 'Neural Piano'

/**
 * The current document as main knows it: its file (never told to the renderer), its name and
 * whether it has unsaved changes (the renderer reports that).
 */
export class DocumentState {
  /** The file Save writes to; undefined until the document was opened from or saved to a file. */
  path: string | undefined
  /** The name shown in the title. */
  name = UNTITLED
  /** True while there are unsaved changes. */
  dirty = false

  /** The window title: "name • — Neural Piano", the dot marking unsaved changes. */
  get title(): string {
    return `${this.name}${this.dirty ? ' •' : ''} — ${APP_NAME}`
  }

  /** Makes the document the one in `path` (or an untitled one named `name`), with no unsaved changes. */
  reset(path: string | undefined, name = path ? basename(path) : UNTITLED): void {
    this.path = path
    this.name = name
    this.dirty = false
  }
}
