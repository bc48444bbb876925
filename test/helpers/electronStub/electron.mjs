// A stand-in for the 'electron' module: it records what the main bundle asks of Electron, then probes
// the handlers it registered (as a renderer and as an attacker would) and writes a JSON report to
// $ELECTRON_STUB_REPORT before exiting.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const record = {
  sandboxEnabled: false,
  windows: [],
  handlers: {},
  menu: null,
  permissionRequest: null,
  permissionCheck: null,
  appEvents: [],
}
let readyResolve
const ready = new Promise((resolve) => (readyResolve = resolve))

class WebContents {
  constructor() {
    this.events = {}
    this.openHandler = null
    this.sent = []
  }
  on(event, listener) {
    ;(this.events[event] ??= []).push(listener)
    return this
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler
  }
  send(channel, payload) {
    this.sent.push([channel, payload])
  }
}

export class BrowserWindow {
  static all = []
  constructor(options) {
    this.options = options
    this.webContents = new WebContents()
    this.onceEvents = {}
    this.loaded = null
    this.events = {}
    this.title = options.title
    BrowserWindow.all.push(this)
    record.windows.push(this)
  }
  static getAllWindows() {
    return BrowserWindow.all
  }
  once(event, listener) {
    this.onceEvents[event] = listener
  }
  on(event, listener) {
    ;(this.events[event] ??= []).push(listener)
    return this
  }
  setTitle(title) {
    this.title = title
  }
  setDocumentEdited(edited) {
    this.documentEdited = edited
  }
  setRepresentedFilename() {}
  close() {
    this.closeCalls = (this.closeCalls ?? 0) + 1
  }
  isDestroyed() {
    return false
  }
  loadFile(path) {
    this.loaded = { file: path }
    return Promise.resolve()
  }
  loadURL(url) {
    this.loaded = { url }
    return Promise.resolve()
  }
  show() {
    this.shown = true
  }
}

// The data folder and the documents folder: a fresh temporary folder per run.
const userData = mkdtempSync(join(tmpdir(), 'np-stub-userdata-'))
process.once('exit', () => rmSync(userData, { recursive: true, force: true }))

export const app = {
  isPackaged: false,
  getPath(name) {
    return join(userData, name)
  },
  enableSandbox() {
    record.sandboxEnabled = true
  },
  whenReady() {
    return ready
  },
  listeners: {},
  quitCalls: 0,
  on(event, listener) {
    record.appEvents.push(event)
    ;(app.listeners[event] ??= []).push(listener)
  },
  emit(event) {
    for (const listener of app.listeners[event] ?? []) listener({ preventDefault() {} })
  },
  quit() {
    app.quitCalls++
  },
}

export const ipcMain = {
  handle(channel, handler) {
    record.handlers[channel] = handler
  },
}

export const Menu = {
  buildFromTemplate(template) {
    return { template }
  },
  setApplicationMenu(menu) {
    record.menu = menu
  },
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      record.permissionRequest = handler
    },
    setPermissionCheckHandler(handler) {
      record.permissionCheck = handler
    },
  },
}

// Dialogs answer Cancel, as a user who closes every dialog would; the probe counts them.
export const dialog = {
  shown: [],
  async showOpenDialog() {
    dialog.shown.push('open')
    return { canceled: true, filePaths: [] }
  },
  async showSaveDialog() {
    dialog.shown.push('save')
    return { canceled: true }
  },
  async showMessageBox() {
    dialog.shown.push('message')
    return { response: 2 }
  },
}

export const contextBridge = {}
export const ipcRenderer = {}
export default { app, BrowserWindow, dialog, ipcMain, Menu, session, contextBridge, ipcRenderer }

async function probe() {
  const [window] = record.windows
  const contents = window.webContents
  const appUrl = `file://${window.loaded.file}`
  const frame = (url, parent = null) => ({ url, parent })
  const invoke = (channel, payload, senderFrame = frame(appUrl)) => record.handlers[channel]({ senderFrame }, payload)
  const navigation = (url) => {
    let prevented = false
    for (const listener of contents.events['will-navigate'] ?? []) listener({ preventDefault: () => (prevented = true) }, url)
    return prevented
  }
  const ask = (permission, url = appUrl, isMainFrame = true) => {
    let granted
    record.permissionRequest(contents, permission, (answer) => (granted = answer), { requestingUrl: url, isMainFrame })
    return granted
  }
  const check = (permission, url = appUrl) =>
    record.permissionCheck(contents, permission, 'file:///', { requestingUrl: url, isMainFrame: true })
  const report = {
    sandboxEnabled: record.sandboxEnabled,
    windowCount: record.windows.length,
    show: window.options.show,
    hasReadyToShow: typeof window.onceEvents['ready-to-show'] === 'function',
    webPreferences: window.options.webPreferences,
    loaded: window.loaded,
    channels: Object.keys(record.handlers).sort(),
    menuLabels: record.menu.template.map((item) => item.label ?? item.role),
    permissions: {
      media: ask('media'),
      midi: ask('midi'),
      midiSysex: ask('midiSysex'),
      midiFromElsewhere: ask('midi', 'https://example.com/'),
      midiFromSubframe: ask('midi', appUrl, false),
      checkNotifications: check('notifications'),
      checkMidi: check('midi'),
      checkMidiSysex: check('midiSysex'),
    },
    windowOpen: contents.openHandler({ url: 'https://example.com' }),
    navigationToRemotePrevented: navigation('https://example.com/'),
    navigationToAppPrevented: navigation(appUrl),
    webviewPrevented: (() => {
      let prevented = false
      for (const listener of contents.events['will-attach-webview'] ?? []) listener({ preventDefault: () => (prevented = true) })
      return prevented
    })(),
    trusted: await invoke('app:info', undefined),
    badPayload: await invoke('app:info', { path: '/etc/passwd' }),
    untrustedOrigin: await invoke('app:info', undefined, frame('https://example.com/')),
    subframe: await invoke('app:info', undefined, frame(appUrl, frame(appUrl))),
    fileOpenCanceled: await invoke('file:open', undefined),
    pathRefused: await invoke('file:save', { song: {}, path: '/etc/passwd' }),
    ...(await probeDocument(window, invoke)),
    ...(await probeQuit(window, invoke)),
  }
  writeFileSync(process.env.ELECTRON_STUB_REPORT, JSON.stringify(report, null, 2))
  process.exit(0)
}

/** Marks the document unsaved, then closes the window: the close is held back and the user asked. */
async function probeDocument(window, invoke) {
  const initialTitle = window.title
  const state = await invoke('document:state', { dirty: true, name: 'Sketch' })
  let closePrevented = false
  for (const listener of window.events.close ?? []) listener({ preventDefault: () => (closePrevented = true) })
  await new Promise((resolve) => setTimeout(resolve, 20))
  return {
    initialTitle,
    state,
    dirtyTitle: window.title,
    documentEdited: window.documentEdited,
    closePrevented,
    closeCalls: window.closeCalls ?? 0,
    dialogsShown: [...dialog.shown],
  }
}

/**
 * macOS quit with unsaved work: Cmd+Q (before-quit), the close guard asks, the stand-in user cancels, so
 * closing the last window later does not quit; a second Cmd+Q with the work saved does.
 */
async function probeQuit(window, invoke) {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20))
  const platform = Object.getOwnPropertyDescriptor(process, 'platform')
  Object.defineProperty(process, 'platform', { value: 'darwin' })
  try {
    app.emit('before-quit')
    for (const listener of window.events.close ?? []) listener({ preventDefault() {} })
    await settle()
    app.emit('window-all-closed')
    await settle()
    const quitAfterCancel = app.quitCalls
    app.emit('before-quit')
    await invoke('document:state', { dirty: false, name: 'Sketch' })
    app.emit('window-all-closed')
    await settle()
    return { quitAfterCancel, quitAfterSaved: app.quitCalls }
  } finally {
    Object.defineProperty(process, 'platform', platform)
  }
}

setTimeout(() => {
  readyResolve()
  setTimeout(
    () =>
      probe().catch((error) => {
        writeFileSync(process.env.ELECTRON_STUB_REPORT, JSON.stringify({ error: String(error?.stack ?? error) }))
        process.exit(1)
      }),
    50,
  )
}, 10)
