import { realpath, stat } from 'node:fs/promises'
import { extname, join, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
}

/** The content type of a served file, by extension. */
export function contentType(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file under `root` that a URL path names, or undefined: "/" is index.html; a path that is not
 * plain (encoded slashes, "..", NUL) or leaves `root` (also through a link) names nothing.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<string | undefined> {
  let path: string
  try {
    path = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (path === '/') path = '/index.html'
  const segments = path.split('/').slice(1)
  if (!path.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0')))
    return undefined
  const realRoot = await realpath(root).catch(() => undefined)
  const file = await realpath(join(root, ...segments)).catch(() => undefined)
  if (!realRoot || !file || !file.startsWith(realRoot + sep)) return undefined
  return (await stat(file).then(
    (s) => s.isFile(),
    () => false,
  ))
    ? file
    : undefined
}
