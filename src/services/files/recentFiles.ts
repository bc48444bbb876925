import { readFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join } from 'node:path'
import { z } from 'zod'
import { FILE_LIMITS, type RecentFile } from '../../shared/ipc/files.ts'
import { writeFileAtomic } from './atomicWrite.ts'

const storedSchema = z.object({ files: z.array(z.string().min(1).max(4096)).max(100) })

/**
 * The recently opened and saved files, newest first, kept as JSON in the app's data folder. Paths
 * stay in main: the renderer sees names and folders and asks for a file by its index.
 */
export class RecentFiles {
  private paths: string[] | undefined
  private readonly file: string

  /** Keeps the list in `dataDir`/recent-files.json. */
  constructor(dataDir: string) {
    this.file = join(dataDir, 'recent-files.json')
  }

  /** The list for display, newest first. */
  async list(): Promise<RecentFile[]> {
    return (await this.load()).map((path) => ({ name: basename(path), folder: dirname(path) }))
  }

  /** Every full path, newest first. */
  async all(): Promise<string[]> {
    return [...(await this.load())]
  }

  /** The full path at this index, or undefined. */
  async pathAt(index: number): Promise<string | undefined> {
    return (await this.load())[index]
  }

  /** Puts `path` first (once), keeping at most FILE_LIMITS.maxRecent entries. */
  async add(path: string): Promise<void> {
    const paths = [path, ...(await this.load()).filter((p) => p !== path)].slice(0, FILE_LIMITS.maxRecent)
    await this.store(paths)
  }

  /** Forgets `path` (it was moved or deleted). */
  async remove(path: string): Promise<void> {
    await this.store((await this.load()).filter((p) => p !== path))
  }

  private async load(): Promise<string[]> {
    if (this.paths) return this.paths
    // A missing or damaged list is an empty one: it is a convenience, never a reason to fail.
    const text = await readFile(this.file, 'utf8').catch(() => '')
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
    const stored = storedSchema.safeParse(parsed)
    this.paths = stored.success ? stored.data.files.filter((p) => isAbsolute(p)).slice(0, FILE_LIMITS.maxRecent) : []
    return this.paths
  }

  private async store(paths: string[]): Promise<void> {
    this.paths = paths
    await writeFileAtomic(this.file, JSON.stringify({ files: paths }, null, 2))
  }
}
