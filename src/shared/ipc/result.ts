import type { z } from 'zod'

/** An answer the UI can show: the payload on success, a plain-words error otherwise. */
export type Result<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string }

/** Formats a schema failure as one line naming the channel and the first problems. */
export function describeInvalid(channel: string, error: z.ZodError): string {
  const problems = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'request'
    return `${where}: ${issue.message}`
  })
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''
  return `invalid ${channel} request: ${problems.join('; ')}${more}`
}
