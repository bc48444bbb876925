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

/** Who asks for a permission: the frame's URL (when Electron gives it) and whether it is the main frame. */
export interface PermissionAsker {
  requestingUrl?: string | undefined
  isMainFrame: boolean
}

/**
 * The one permission the app grants: Web MIDI, to its own page in the main frame, so a MIDI keyboard
 * can be played in. Everything else is refused, MIDI with sysex ('midiSysex') included: the editor
 * only reads keys and the pedal, and sysex could reprogram a device.
 */
export function isPermissionAllowed(permission: string, asker: PermissionAsker, appUrl: string): boolean {
  return permission === 'midi' && asker.isMainFrame && isAppUrl(asker.requestingUrl ?? '', appUrl)
}
