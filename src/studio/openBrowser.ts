import { spawn } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The system's command that opens a file or URL in the default application. */
export function openerFor(platform: NodeJS.Platform): { command: string; args: (target: string) => string[] } {
  if (platform === 'darwin') return { command: 'open', args: (t) => [t] }
  // `start` takes its first quoted argument as a window title, hence the empty one; cmd reads the line verbatim.
  if (platform === 'win32') return { command: 'cmd', args: (t) => ['/c', 'start', '""', `"${t}"`] }
  return { command: 'xdg-open', args: (t) => [t] }
}

/** A page that sends the browser on to `url`: what the browser is given instead of the URL itself. */
export function redirectPage(url: string): string {
  const href = url.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')
  return `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Neural Piano</title><p>Opening <a href="${href}">Neural Piano</a>…</p>\n`
}

/**
 * Opens `url` in the default browser, as Jupyter does: through a redirect file readable only by this
 * user in `folder`, so that the token never appears on a command line other users can list. Resolves
 * to the file to delete at exit; a browser that cannot be started is reported through `onFailure`.
 */
export async function openInBrowser(
  url: string,
  folder: string,
  onFailure: (reason: string) => void,
  platform = process.platform,
): Promise<string> {
  const file = join(folder, `studio-open-${new URL(url).port}.html`)
  await rm(file, { force: true })
  await writeFile(file, redirectPage(url), { mode: 0o600 })
  const opener = openerFor(platform)
  const child = spawn(opener.command, opener.args(platform === 'win32' ? file : pathToFileURL(file).href), {
    stdio: 'ignore',
    detached: true,
    windowsVerbatimArguments: platform === 'win32',
  })
  child.on('error', (error) => onFailure(`${opener.command}: ${error.message}`))
  child.on('exit', (code) => {
    if (code) onFailure(`${opener.command} exited with code ${code}`)
  })
  child.unref()
  return file
}
