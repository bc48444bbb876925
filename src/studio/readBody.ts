import type { IncomingMessage } from 'node:http'

/** A request body over the limit: the server answers 413. */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge'
}

/** Reads a request's body as UTF-8 text, refusing (before reading it all) one larger than `maxBytes`. */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > maxBytes) return Promise.reject(new BodyTooLarge(`the request is larger than ${maxBytes} bytes`))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        request.removeAllListeners('data')
        request.resume()
        reject(new BodyTooLarge(`the request is larger than ${maxBytes} bytes`))
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
