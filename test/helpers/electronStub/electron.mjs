// A stand-in for the 'electron' module: it records what the main bundle asks of Electron, then probes
// the handlers it registered (as a renderer and as an attacker would) and writes a JSON report to
// $ELECTRON_STUB_REPORT before exiting.
import { writeFileSync } from 'node:fs'

const record = { sandboxEnabled: false, windows: [], handlers: {}, menu: null, permissionRequest: null, permissionCheck: null, appEvents: [] }
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
    BrowserWindow.all.push(this)
    record.windows.push(this)
  }
  static getAllWindows() {
    return BrowserWindow.all
  }
  once(event, listener) {
    this.onceEvents[event] = listener
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

export const app = {
  isPackaged: false,
  enableSandbox() {
    record.sandboxEnabled = true
  },
  whenReady() {
    return ready
  },
  on(event) {
    record.appEvents.push(event)
  },
  quit() {},
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

export const contextBridge = {}
export const ipcRenderer = {}
export default { app, BrowserWindow, ipcMain, Menu, session, contextBridge, ipcRenderer }

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
  let permissionGranted
  record.permissionRequest(contents, 'media', (granted) => (permissionGranted = granted))
  const report = {
    sandboxEnabled: record.sandboxEnabled,
    windowCount: record.windows.length,
    show: window.options.show,
    hasReadyToShow: typeof window.onceEvents['ready-to-show'] === 'function',
    webPreferences: window.options.webPreferences,
    loaded: window.loaded,
    channels: Object.keys(record.handlers).sort(),
    menuLabels: record.menu.template.map((item) => item.label ?? item.role),
    permissionGranted,
    permissionCheck: record.permissionCheck(contents, 'notifications'),
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
  }
  writeFileSync(process.env.ELECTRON_STUB_REPORT, JSON.stringify(report, null, 2))
  process.exit(0)
}

setTimeout(() => {
  readyResolve()
  setTimeout(() => probe().catch((error) => {
    writeFileSync(process.env.ELECTRON_STUB_REPORT, JSON.stringify({ error: String(error?.stack ?? error) }))
    process.exit(1)
  }), 50)
}, 10)
