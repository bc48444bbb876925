/** How a file action ended: done (with its payload), canceled by the user, or failed with words to show. */
export type Outcome<T extends object = object> = ({ status: 'done' } & T) | { status: 'canceled' } | { status: 'failed'; error: string }

/** An answer from main as the preload returns it. */
type Answer<T extends object> = ({ ok: true } & T) | { ok: false; error: string }

/**
 * Turns main's answer into an Outcome. A rejected promise (IPC itself broke) becomes a failure too,
 * so the UI always has a sentence to show and never an unhandled rejection.
 */
export async function settle<T extends object, R extends object>(
  answer: Promise<Answer<T>>,
  done: (payload: Exclude<T, { canceled: true }>) => Outcome<R> | Promise<Outcome<R>>,
): Promise<Outcome<R>> {
  let result: Answer<T>
  try {
    result = await answer
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error.message : String(error) }
  }
  if (!result.ok) return { status: 'failed', error: sentence(result.error) }
  if ('canceled' in result && result.canceled === true) return { status: 'canceled' }
  return done(result as unknown as Exclude<T, { canceled: true }>)
}

/** Main's errors are lower-case fragments; the UI shows sentences. */
export function sentence(text: string): string {
  const trimmed = text.trim()
  if (!trimmed) return 'Something went wrong.'
  const first = trimmed[0]?.toUpperCase() ?? ''
  return `${first}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`
}
