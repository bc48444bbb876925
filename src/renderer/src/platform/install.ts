import { askToSave } from './askToSave.ts'
import { browserSaveTarget, pickMidiFile } from './browserFiles.ts'
import { createHttpBridge } from './httpBridge.ts'
import { createWebApi } from './webApi.ts'

/**
 * Gives a page served by `neural-piano studio` its window.api (Electron's preload gives the app its
 * own): the web API over this page's server, the document's name in the tab's title, and the
 * browser's own question before leaving with unsaved changes (the autosave covers a crash).
 */
export function installWebApi(win: Window = window): void {
  const { api, isDirty } = createWebApi({
    bridge: createHttpBridge(),
    saveTarget: () => browserSaveTarget(win),
    pickFile: () => pickMidiFile(win.document),
    askToSave: (name) => askToSave(name, win.document),
  })
  api.onDocumentChange(({ title }) => (win.document.title = title))
  win.addEventListener('beforeunload', (event) => {
    if (isDirty()) event.preventDefault()
  })
  Object.defineProperty(win, 'api', { value: Object.freeze(api) })
}
