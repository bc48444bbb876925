import type { BrowserWindow, Dialog } from 'electron'
import { join } from 'node:path'
import type { CloseChoice, Dialogs, SaveKind } from '../services/files/dialogs.ts'

const filters: Record<SaveKind | 'open', Electron.FileFilter[]> = {
  open: [
    { name: 'MIDI files', extensions: ['mid', 'midi', 'rmi', 'kar'] },
    { name: 'All files', extensions: ['*'] },
  ],
  midi: [{ name: 'MIDI file', extensions: ['mid'] }],
  wav: [{ name: 'WAV audio', extensions: ['wav'] }],
}

/**
 * The real dialogs, given Electron's `dialog` (passed in, so that only index.ts imports Electron at
 * run time). Save dialogs start in the folder last used, else `defaultFolder`.
 */
export function createElectronDialogs(dialog: Dialog, window: () => BrowserWindow | undefined, defaultFolder: string): Dialogs {
  let folder = defaultFolder
  const remember = (path: string | undefined): string | undefined => {
    if (path) folder = join(path, '..')
    return path
  }
  const parent = (): BrowserWindow | undefined => {
    const w = window()
    return w && !w.isDestroyed() ? w : undefined
  }
  return {
    async showOpen() {
      const options: Electron.OpenDialogOptions = {
        title: 'Open MIDI file',
        defaultPath: folder,
        properties: ['openFile'],
        filters: filters.open,
      }
      const w = parent()
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options)
      return remember(result.canceled ? undefined : result.filePaths[0])
    },
    async showSave(defaultName, kind) {
      const options: Electron.SaveDialogOptions = {
        title: kind === 'wav' ? 'Export audio' : 'Save MIDI file',
        defaultPath: join(folder, defaultName),
        filters: filters[kind],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const w = parent()
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options)
      return remember(result.canceled || !result.filePath ? undefined : result.filePath)
    },
    async confirmClose(name): Promise<CloseChoice> {
      const options: Electron.MessageBoxOptions = {
        type: 'warning',
        message: `Save the changes to “${name}”?`,
        detail: 'Your changes will be lost if you do not save them.',
        buttons: ['Save', 'Don’t Save', 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      }
      const w = parent()
      const { response } = w ? await dialog.showMessageBox(w, options) : await dialog.showMessageBox(options)
      return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel'
    },
  }
}
