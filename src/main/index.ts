import { app, BrowserWindow, dialog, ipcMain, Menu, session, type IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ModelHost } from '../engine/host.ts'
import { createHandlers } from '../services/handlers.ts'
import { createDispatch } from '../services/dispatch.ts'
import { createElectronDialogs } from './electronDialogs.ts'
import { FileService } from '../services/files/fileService.ts'
import { registerIpc } from './registerIpc.ts'
import { buildMenuTemplate } from './menu.ts'
import { isAppUrl, isPermissionAllowed } from './security.ts'
import { describeBackend } from '../model/describeBackend.ts'
import type { EventChannel, EventMap } from '../shared/ipc/index.ts'

/**
 * The Electron layer: app lifecycle, the one window, its security settings, the menu and IPC wiring.
 * Everything it calls is plain Node code that the CLI and the tests run without Electron.
 */
const here = fileURLToPath(new URL('.', import.meta.url))
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const appUrl = devServerUrl ?? pathToFileURL(join(here, '../renderer/index.html')).href
let mainWindow: BrowserWindow | undefined
/** A quit was asked for and not abandoned at the unsaved-changes question (see before-quit below). */
let quitting = false

app.enableSandbox()

function send<C extends EventChannel>(channel: C, payload: EventMap[C]): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload)
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return frame !== null && frame.parent === null && isAppUrl(frame.url, appUrl)
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    title: 'Neural Piano',
    backgroundColor: '#16181d',
    // Electron's security checklist, written out here (not built elsewhere) so that static checkers such
    // as electronegativity can see it: no Node in the page, an isolated and sandboxed renderer that reaches
    // main only through the preload's typed API. test/e2e/mainSmoke.test.ts asserts the values.
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click (auxclick) could open links in new windows; the editor has no use for it.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  window.once('ready-to-show', () => window.show())
  // The title belongs to the document ("name • — Neural Piano"), not to the page's <title>.
  window.on('page-title-updated', (event) => event.preventDefault())
  window.setTitle(files.document.title)
  // Unsaved changes: ask before closing; the file service closes the window once saved or discarded.
  window.on('close', (event) => {
    if (files.canClose()) return
    event.preventDefault()
    void files.requestClose()
  })
  window.on('closed', () => files.windowClosed())
  const contents = window.webContents
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(join(here, '../renderer/index.html'))
  return window
}

// Web MIDI for the app's own page (a MIDI keyboard to play in from); every other permission, MIDI sysex
// included, is refused (security.ts). A check made for no document falls back to the asking contents' page.
function grantMidiOnly(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, { requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame }, appUrl))
  })
  session.defaultSession.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed(
      permission,
      { requestingUrl: details.requestingUrl ?? contents?.getURL(), isMainFrame: details.isMainFrame },
      appUrl,
    ),
  )
}

// The shipped checkpoint: resources/model beside the app (out/main is two levels below the app root).
const modelDir = process.env.NEURAL_PIANO_MODEL ?? join(here, '../../resources/model')
const model = new ModelHost(pathToFileURL(join(here, 'modelWorker.js')), { modelDir, cacheDir: app.getPath('userData') })
model.onStatus((status) => {
  send('model:status', status)
  if (status.state === 'ready') console.log(`[model] ready on TensorFlow.js ${describeBackend(status.backend)}`)
  if (status.state === 'error') console.error(`[model] unavailable: ${status.error}`)
})

// Autosave and the recent list live in the app's data folder; dialogs are the real ones.
const files = new FileService({
  dataDir: app.getPath('userData'),
  dialogs: createElectronDialogs(dialog, () => mainWindow, app.getPath('documents')),
  onDocumentChange: ({ title, dirty, path }) => {
    if (!mainWindow || mainWindow.isDestroyed()) return
    mainWindow.setTitle(title)
    mainWindow.setDocumentEdited(dirty)
    if (process.platform === 'darwin') mainWindow.setRepresentedFilename(path ?? '')
  },
  requestSave: (payload) => send('file:saveBeforeClose', payload),
  closeWindow: () => mainWindow?.close(),
  closeAbandoned: () => {
    quitting = false
  },
})

registerIpc(ipcMain, createDispatch(createHandlers({ model, notify: send, files })), isTrustedSender)

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})

void app.whenReady().then(() => {
  grantMidiOnly()
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate((command) => send('menu:command', command), process.platform, !app.isPackaged)),
  )
  mainWindow = createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
})

// Quit (Cmd+Q, the menu) with unsaved changes: the window's close guard cancels Electron's quit to ask;
// once the changes are saved or discarded and the window has closed, the quit goes on (on macOS too,
// where closing the last window alone keeps the app running). Cancel forgets it.
app.on('before-quit', () => {
  quitting = true
})

app.on('window-all-closed', () => {
  // A clean exit without unsaved changes leaves no autosave to offer next time.
  void files.shutdown().finally(() => {
    if (process.platform !== 'darwin' || quitting) app.quit()
  })
})

app.on('will-quit', () => {
  void model.dispose()
})
