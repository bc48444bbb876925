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
