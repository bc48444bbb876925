import type { AppApi } from '$shared/ipc/index.ts'

/** The part of window.api the file module uses (tests pass a fake). */
export type FilesApi = Pick<
  AppApi,
  | 'newFile'
  | 'openFile'
  | 'openRecent'
  | 'openLaunched'
  | 'recentFiles'
  | 'importBytes'
  | 'saveFile'
  | 'exportMidi'
  | 'exportAudio'
  | 'setDocumentState'
  | 'writeAutosave'
  | 'checkAutosave'
  | 'restoreAutosave'
  | 'discardAutosave'
  | 'onSaveBeforeClose'
>

/** window.api, read when called so that the module can load before the preload's bridge is checked. */
export function defaultApi(): FilesApi {
  return window.api
}
