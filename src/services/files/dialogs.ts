/** What a save dialog is for: it picks the file type filter and the extension. */
export type SaveKind = 'midi' | 'wav'

/** The user's answer when closing (or replacing) a document with unsaved changes. */
export type CloseChoice = 'save' | 'discard' | 'cancel'

/**
 * The dialogs the file handlers show, injected so that the handlers stay free of Electron and tests
 * can answer them. Each resolves to undefined when the user cancels.
 */
export interface Dialogs {
  /** Asks for a MIDI file to open; resolves to its path. */
  showOpen(): Promise<string | undefined>
  /** Asks where to save; `defaultName` is a file name without a folder. Resolves to the chosen path. */
  showSave(defaultName: string, kind: SaveKind): Promise<string | undefined>
  /** Asks whether to save the unsaved changes of the document `name`. */
  confirmClose(name: string): Promise<CloseChoice>
}

/** The extension a saved file of this kind gets when the user typed none. */
export function withExtension(path: string, kind: SaveKind): string {
  const extensions = kind === 'midi' ? ['.mid', '.midi'] : ['.wav']
  const lower = path.toLowerCase()
  return extensions.some((e) => lower.endsWith(e)) ? path : `${path}${extensions[0] ?? ''}`
}
