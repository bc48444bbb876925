import type { WebPreferences } from 'electron'

/**
 * The window's web preferences, following Electron's security checklist: the renderer gets no Node,
 * runs sandboxed in an isolated context, and reaches main only through the preload's typed API.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
  }
}

/**
 * Whether a URL is the app's own renderer page: the built index.html (file:) or, in development,
 * the electron-vite dev server. Used to check IPC senders and to refuse navigation.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  let candidate: URL
  let app: URL
  try {
    candidate = new URL(url)
    app = new URL(appUrl)
  } catch {
    return false
  }
  if (app.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === app.pathname
  return candidate.origin === app.origin
}
