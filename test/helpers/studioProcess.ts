import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

/** `neural-piano studio` running as its own process, as a user starts it. */
export interface StudioProcess {
  /** The address it printed, token included. */
  url: string
  /** http://127.0.0.1:PORT */
  origin: string
  port: number
  token: string
  /** Milliseconds from the spawn to the printed address. */
  startMs: number
  /** Everything it printed so far, stdout and stderr. */
  output(): string
  /** Sends `signal` to its process group, as Ctrl+C in a terminal does; resolves to the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
  /** Kills the whole process group without a chance to clean up: a crash. */
  crash(): Promise<void>
}

const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) if (child.pid) process.kill(-child.pid, 'SIGKILL')
})

/**
 * Starts `node bin/neural-piano.mjs studio --no-open --port 0 …` (the CLI as it is run today) in its
 * own process group and waits for the address it prints.
 */
export async function startStudioProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<StudioProcess> {
  const started = performance.now()
  const child = spawn(process.execPath, [resolve('bin/neural-piano.mjs'), 'studio', '--no-open', ...args], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  running.add(child)
  let text = ''
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      running.delete(child)
      done(code)
    }),
  )
  const url = await new Promise<string>((found, failed) => {
    const timer = setTimeout(() => failed(new Error(`studio printed no address within 60 s:\n${text}`)), 60_000)
    const look = (): void => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}/.exec(text)
      if (!match) return
      clearTimeout(timer)
      child.stdout?.off('data', look)
      found(match[0])
    }
    child.stdout?.on('data', look)
    void exited.then((code) => failed(new Error(`studio exited with code ${code} before printing an address:\n${text}`)))
  })
  const startMs = performance.now() - started
  const parsed = new URL(url)
  const group = (signal: NodeJS.Signals): void => {
    if (child.pid && running.has(child)) process.kill(-child.pid, signal)
  }
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    startMs,
    output: () => text,
    async stop(signal = 'SIGINT') {
      group(signal)
      return exited
    },
    async crash() {
      group('SIGKILL')
      await exited
    },
  }
}
