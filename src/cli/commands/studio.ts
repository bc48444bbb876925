import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { UsageError, type Command } from '../command.ts'
import { defaultModelDir } from '../paths.ts'
import { numberOption } from '../args.ts'
import { packageRoot } from '../packageRoot.ts'

/** The port tried first; the next ones when it is busy. */
export const DEFAULT_STUDIO_PORT = 8765

const usage = `neural-piano studio [FILE.mid] [--port N] [--no-open]

Runs the editor in your browser: serves the built app (npm run build) on 127.0.0.1 and connects it to
the same handlers and model worker as the desktop app. Prints the address (it carries a per-launch
token; a request without it is refused) and opens it in the default browser. Ctrl+C stops it.

  FILE.mid             a MIDI file to open in the editor
  --port N             the port to try first (default ${DEFAULT_STUDIO_PORT}; the next free one when busy; 0 = any)
  --no-open            print the address only
  --model DIR          checkpoint folder (default resources/model; NEURAL_PIANO_MODEL)
  --data-dir DIR       autosave and recent files (default ~/.local/share/neural-piano; NEURAL_PIANO_DATA)`

/** `neural-piano studio`: the browser mode (src/studio), until Ctrl+C. */
export const studioCommand: Command = {
  name: 'studio',
  usage,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean' },
        model: { type: 'string' },
        'data-dir': { type: 'string' },
      },
    })
    if (positionals.length > 1) throw new UsageError('give at most one MIDI file')
    const port = numberOption(values.port, DEFAULT_STUDIO_PORT, 'port')
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError(`--port must be a whole number from 0 to 65535, not ${port}`)
    const launchFile = positionals[0] === undefined ? undefined : resolve(positionals[0])
    if (launchFile && !statSync(launchFile, { throwIfNoEntry: false })?.isFile()) throw new Error(`there is no file ${launchFile}`)
    const root = packageRoot(import.meta.url)
    const rendererDir = join(root, 'out', 'renderer')
    if (!existsSync(join(rendererDir, 'index.html')))
      throw new Error(`the built app is missing (${rendererDir}): run "npm run build" in ${root} first`)

    const started = performance.now()
    // Loaded here, not at the top: the other commands do not need the server.
    const { startStudio } = await import('../../studio/studio.ts')
    const { defaultDataDir } = await import('../../studio/dataDir.ts')
    const dataDir = resolve(values['data-dir'] ?? defaultDataDir())
    const modelDir = resolve(values.model ?? defaultModelDir())
    // The first Ctrl+C or SIGTERM stops cleanly; a second Ctrl+C does not wait. Listening before the
    // address is printed: whoever reads it may signal at once.
    let stopping = false
    const stopSignal = new Promise<NodeJS.Signals>((done) => {
      const stop = (received: NodeJS.Signals): void => {
        if (!stopping) done(received)
        else if (received === 'SIGINT') process.exit(130)
        stopping = true
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    const studio = await startStudio({ rendererDir, modelDir, dataDir, port, ...(launchFile ? { launchFile } : {}) })
    if (studio.busy.length)
      console.log(`port ${studio.busy.join(', ')} ${studio.busy.length === 1 ? 'is' : 'are'} busy, using ${studio.port}`)
    console.log(`Neural Piano is running at\n\n    ${studio.url}\n`)
    console.log(
      `data folder ${dataDir}; model ${modelDir} (loading in a worker thread); ready in ${Math.round(performance.now() - started)} ms`,
    )
    console.log('Press Ctrl+C to stop.')
    let redirectFile: string | undefined
    if (!values['no-open']) {
      const { openInBrowser } = await import('../../studio/openBrowser.ts')
      redirectFile = await openInBrowser(studio.url, dataDir, (reason) =>
        console.error(`could not open a browser (${reason}): open the address above`),
      ).catch((error: unknown) => {
        console.error(`could not open a browser (${error instanceof Error ? error.message : String(error)}): open the address above`)
        return undefined
      })
    }
    const signal = await stopSignal
    console.log(`\n${signal}: stopping`)
    await studio.close()
    if (redirectFile) {
      const { rm } = await import('node:fs/promises')
      await rm(redirectFile, { force: true })
    }
    console.log('stopped')
    return 0
  },
}
