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
  /** The list: read once and shared by every caller (so a read that ends late cannot undo an add), then the last stored. */
  private paths: Promise<string[]> | undefined
  private changes: Promise<void> = Promise.resolve()
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
  add(path: string): Promise<void> {
    return this.change((paths) => [path, ...paths.filter((p) => p !== path)].slice(0, FILE_LIMITS.maxRecent))
  }

  /** Forgets `path` (it was moved or deleted). */
  remove(path: string): Promise<void> {
    return this.change((paths) => paths.filter((p) => p !== path))
  }

  /** Changes run one after another, each on the list the one before left, so none is lost. */
  private change(edit: (paths: string[]) => string[]): Promise<void> {
    const next = this.changes.then(async () => this.store(edit(await this.load())))
    this.changes = next.catch(() => undefined)
    return next
  }

  private load(): Promise<string[]> {
    return (this.paths ??= this.read())
  }

  private async read(): Promise<string[]> {
    // A missing or damaged list is an empty one: it is a convenience, never a reason to fail.
    const text = await readFile(this.file, 'utf8').catch(() => '')
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
    const stored = storedSchema.safeParse(parsed)
    return stored.success ? stored.data.files.filter((p) => isAbsolute(p)).slice(0, FILE_LIMITS.maxRecent) : []
  }

  private async store(paths: string[]): Promise<void> {
    this.paths = Promise.resolve(paths)
    await writeFileAtomic(this.file, JSON.stringify({ files: paths }, null, 2))
  }
}
