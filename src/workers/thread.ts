import { Worker, type WorkerOptions } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/**
 * Starts a worker thread from a module URL. The built app passes a .js bundle; under plain Node
 * (the CLI, tests, benchmarks) the entry is TypeScript, which a worker cannot load by itself, so a
 * two-line bootstrap registers tsx inside the worker first and then imports the entry.
 */
export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options)
  const tsx = tsxEsmApi()
  const bootstrap = `import { register } from ${JSON.stringify(tsx)}\nregister()\nawait import(${JSON.stringify(entry.href)})\n`
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), options)
}

/** The file URL of tsx's ES-module API (require.resolve would give its CommonJS build, which cannot register hooks here). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  return new URL('dist/esm/api/index.mjs', pathToFileURL(manifest)).href
}
