import type { Server } from 'node:net'

/** Where the server listens, and the ports it found busy on the way. */
export interface Listening {
  port: number
  busy: number[]
}

/**
 * Listens on 127.0.0.1 only (never on other interfaces), at `port` or, when it is taken, the next
 * free one of the following `tries - 1`; port 0 lets the system choose.
 */
export async function listenOnLoopback(server: Server, port: number, tries = 20): Promise<Listening> {
  const busy: number[] = []
  for (let candidate = port; ; candidate++) {
    try {
      return { port: await listenOnce(server, candidate), busy }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EADDRINUSE' || port === 0 || busy.length + 1 >= tries || candidate >= 65_535) throw error
      busy.push(candidate)
    }
  }
}

function listenOnce(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error): void => {
      server.off('listening', listening)
      reject(error)
    }
    const listening = (): void => {
      server.off('error', failed)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    }
    server.once('error', failed)
    server.once('listening', listening)
    server.listen(port, '127.0.0.1')
  })
}
