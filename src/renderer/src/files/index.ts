// The file module the editor calls: open, save, export, drag and drop, autosave and restore.
export {
  newDocument,
  openFromDialog,
  openRecent,
  openLaunched,
  recentFiles,
  importDroppedFile,
  save,
  exportMidi,
  exportAudio,
} from './fileActions.ts'
export type { OpenedSong, ReplaceOptions } from './fileActions.ts'
export { Autosave } from './autosave.ts'
export type { AutosaveOptions } from './autosave.ts'
export { checkRestore, restore, discardRestore, restoreMessage } from './restore.ts'
export type { RestoreOffer } from './restore.ts'
export { DocumentStatus, installCloseGuard } from './documentStatus.ts'
export { listenForDroppedFiles } from './dropTarget.ts'
export { formatImportReport, reportHasChanges } from './importReport.ts'
export { plainSong } from './plainSong.ts'
export type { Outcome } from './outcome.ts'
export type { FilesApi } from './api.ts'
