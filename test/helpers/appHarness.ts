import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { extname, join, normalize, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from './browser.ts'
import { ModelHost } from '../../src/engine/host.ts'
import { createHandlers } from '../../src/services/handlers.ts'
import { createDispatch } from '../../src/services/dispatch.ts'
import type { Dialogs } from '../../src/services/files/dialogs.ts'
import { FileService } from '../../src/services/files/fileService.ts'
import type { EventChannel, EventMap } from '../../src/shared/ipc/index.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

/**
 * Runs the built renderer (out/renderer) in real Chromium with `window.api` built by the real, built
 * preload (out/preload/index.cjs) over a stand-in ipcRenderer whose invoke goes, through a Playwright
 * binding, to the real main-process dispatch: the same validation and handlers as in Electron.
 * It stays for what only the Electron path has: the built preload, native dialogs answered by the test
 * (files chosen by path), menu commands and the close question sent from main, and main-side state a test
 * reads directly. The browser mode is tested through its real server (test/helpers/studioProcess.ts).
 */
export const outDir = resolve('out')
const origin = 'http://neural-piano.app'
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.mp3': 'audio/mpeg',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
}

/** A running app: the page, the main-side services, and a way to send main -> renderer events. */
export interface AppUnderTest {
  page: Page
  model: ModelHost
  /** The file service behind the file channels (its document state, autosave and recent list). */
  files: FileService
  /** The app's data folder of this run (autosave, recent files). */
  dataDir: string
  /** The window titles main set, oldest first. */
  titles: string[]
  /** Every console error and page error the renderer printed. */
  errors: string[]
  /** Sends an event to the renderer, as webContents.send would. */
  emit<C extends EventChannel>(channel: C, payload: EventMap[C]): Promise<void>
  /** Closes the page without a clean exit (as a crash would: the autosave stays). */
  close(): Promise<void>
}

/** Dialogs that answer Cancel to everything, as a user who closes each one would. */
export const cancelingDialogs: Dialogs = {
  showOpen: async () => undefined,
  showSave: async () => undefined,
  confirmClose: async () => 'cancel',
}

function preloadShim(preloadSource: string): string {
  return `(() => {
  const listeners = new Map()
  window.__npEmit = (channel, payload) => { for (const l of listeners.get(channel) ?? []) l({}, payload) }
  const electron = {
    contextBridge: { exposeInMainWorld: (key, value) => Object.defineProperty(window, key, { value: Object.freeze(value) }) },
    ipcRenderer: {
      invoke: (channel, payload) => window.__npInvoke(channel, payload),
      on: (channel, listener) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(listener) },
      removeListener: (channel, listener) => { listeners.get(channel)?.delete(listener) },
    },
  }
  const require = (name) => { if (name === 'electron') return electron; throw new Error('the preload may import only electron, not ' + name) }
  const module = { exports: {} }
  ;(function (require, module, exports) {\n${preloadSource}\n})(require, module, module.exports)
})()`
}

/** Starts the model host and the page; call close() when done. */
export async function startApp(
  options: { browser?: Browser; modelDir?: string; dialogs?: Dialogs; dataDir?: string; initScript?: string } = {},
): Promise<AppUnderTest> {
  const rendererDir = join(outDir, 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run "npm run build" first')
  const model = new ModelHost(pathToFileURL(join(outDir, 'main', 'modelWorker.js')), {
    modelDir: options.modelDir ?? resolve('resources/model'),
  })
  const browser = options.browser ?? (await launchChromium())
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 860 } })
  const errors: string[] = []
  const page = await context.newPage()
  const emit: AppUnderTest['emit'] = async (channel, payload) => {
    await page.evaluate(([c, p]) => (window as unknown as { __npEmit(c: string, p: unknown): void }).__npEmit(c, p), [
      channel,
      payload,
    ] as const)
  }
  const notify: AppUnderTest['emit'] = (channel, payload) => emit(channel, payload).catch(() => undefined)
  const dataDir = options.dataDir ?? tempFolder('np-data-')
  const titles: string[] = []
  const files = new FileService({
    dataDir,
    dialogs: options.dialogs ?? cancelingDialogs,
    onDocumentChange: ({ title }) => void titles.push(title),
    requestSave: (payload) => void notify('file:saveBeforeClose', payload),
    closeWindow: () => void page.close().catch(() => undefined),
  })
  const dispatch = createDispatch(createHandlers({ model, notify: (channel, payload) => void notify(channel, payload), files }))
  await context.exposeBinding('__npInvoke', (_source, channel: string, payload: unknown) => dispatch(channel, payload))
  await context.addInitScript({ content: preloadShim(await readFile(join(outDir, 'preload', 'index.cjs'), 'utf8')) })
  // Test stand-ins the page needs before its own scripts run (a fake Web MIDI: test/helpers/fakeMidi.ts).
  if (options.initScript) await context.addInitScript({ content: options.initScript })
  await context.route(`${origin}/**`, async (route) => {
    const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname))
    const file = join(rendererDir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(rendererDir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' })
    return route.fulfill({ status: 200, body: await readFile(file), contentType: types[extname(file)] ?? 'application/octet-stream' })
  })
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  const unsubscribe = model.onStatus((status) => void emit('model:status', status).catch(() => undefined))
  await page.goto(`${origin}/index.html`)
  return {
    page,
    model,
    files,
    dataDir,
    titles,
    errors,
    emit,
    async close() {
      unsubscribe()
      await context.close()
      if (!options.browser) await browser.close()
      await model.dispose()
    },
  }
}
