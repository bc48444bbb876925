import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'

/** An answer as a test reads it. */
export interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** A plain HTTP request to 127.0.0.1:`port`, with any headers (Host included), as a non-browser client sends it. */
export function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

/** Opens an event stream and collects its text until `until` matches it; resolves to the text and a closer. */
export function readEvents(port: number, headers: Record<string, string>, until: (text: string) => boolean): Promise<{ status: number; text: string; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/events', headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = ''
      const close = (): void => void req.destroy()
      if (res.statusCode !== 200) return res.on('data', () => {}).on('end', () => resolve({ status: res.statusCode ?? 0, text, close }))
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8')
        if (until(text)) resolve({ status: 200, text, close })
      })
    })
    req.on('error', reject)
    req.end()
  })
}
