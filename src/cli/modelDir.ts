import { fileURLToPath } from 'node:url'

/** The shipped checkpoint, resources/model at the repository root (NEURAL_PIANO_MODEL overrides it). */
export function defaultModelDir(): string {
  return process.env.NEURAL_PIANO_MODEL ?? fileURLToPath(new URL('../../resources/model', import.meta.url))
}
