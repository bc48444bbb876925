import { loadPianoRollJson, type PianoRollSet } from '../training/data.ts'
import { checkReadableFile, DATA_HINT } from './paths.ts'

/** A piano-roll JSON file named by `label` ("--data x.json"): checked, read, and its errors prefixed with the label. */
export function readPianoRolls(path: string, label: string, name?: string): PianoRollSet {
  checkReadableFile(path, label, DATA_HINT)
  try {
    return loadPianoRollJson(path, name)
  } catch (error) {
    const message =
      error instanceof SyntaxError ? `not a JSON file (${error.message})` : error instanceof Error ? error.message : String(error)
    throw new Error(`${label}: ${message.startsWith(path) ? message.slice(path.length).replace(/^:\s*/, '') : message}`)
  }
}
