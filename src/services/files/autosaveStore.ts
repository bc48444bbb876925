import { readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { songSchema, type AutosaveInfo } from '../../shared/ipc/files.ts'
import type { Song } from '../../shared/music/types.ts'
import { writeFileAtomic } from './atomicWrite.ts'

/** One autosave: the song and the document it belongs to. */
export interface AutosaveEntry {
  /** The document's name. */
  name: string
  /** The document's file, when it had one (so that Save after a restore writes there again). */
  path?: string
  /** When it was written, ms since the epoch. */
  savedAt: number
  /** The song as it was. */
  song: Song
}

const entrySchema = z.strictObject({
  version: z.literal(1),
  name: z.string().max(4096),
  path: z.string().max(4096).optional(),
  savedAt: z.number().int().min(0),
  song: songSchema,
})

/**
 * The autosave in the app's data folder: one JSON file written atomically, deleted when the work is
 * saved or deliberately discarded. So a file still there at start-up means the last session did not
 * end cleanly, and it holds the latest song that session had.
 */
export class AutosaveStore {
  private readonly file: string
  // Writes run one after another, so an older song can never be renamed over a newer one.
  private queue: Promise<unknown> = Promise.resolve()

  /** Keeps the autosave in `dataDir`/autosave.json. */
  constructor(dataDir: string) {
    this.file = join(dataDir, 'autosave.json')
  }

  /** Replaces the autosave with this entry. */
  write(entry: AutosaveEntry): Promise<void> {
    const text = JSON.stringify({ version: 1, ...entry })
    return this.enqueue(() => writeFileAtomic(this.file, text))
  }

  /** The waiting autosave, or undefined when there is none (a damaged one is set aside, never deleted). */
  read(): Promise<AutosaveEntry | undefined> {
    return this.enqueue(async () => {
      const text = await readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined
        throw error
      })
      if (text === undefined) return undefined
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = undefined
      }
      const entry = entrySchema.safeParse(parsed)
      if (entry.success) {
        const { version: _version, ...rest } = entry.data
        return rest as AutosaveEntry
      }
      await rename(this.file, `${this.file}.damaged-${Date.now()}`).catch(() => undefined)
      return undefined
    })
  }

  /** A summary of the waiting autosave, without the song. */
  async info(): Promise<AutosaveInfo | undefined> {
    const entry = await this.read()
    if (!entry) return undefined
    return { name: entry.name, savedAt: entry.savedAt, notes: entry.song.tracks.reduce((sum, t) => sum + t.notes.length, 0) }
  }

  /** Deletes the autosave; true when there was one. */
  discard(): Promise<boolean> {
    return this.enqueue(() =>
      unlink(this.file).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false
          throw error
        },
      ),
    )
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }
}
