import { createHash } from 'node:crypto'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { writeFileAtomic } from './atomicWrite.ts'

/**
 * Browser mode: the page opens and saves files the server never sees the path of, so the recent list
 * holds copies kept here, one folder per content hash with the file's own name inside. The page names
 * at most a file name; the folder is always this one.
 */
export class FileCopies {
  /** Keeps copies in `dir` (created when first needed). */
  constructor(readonly dir: string) {}

  /** Stores `bytes` as a copy named after `name`; resolves to the copy's path. */
  async keep(name: string, bytes: Uint8Array): Promise<string> {
    const folder = join(this.dir, createHash('sha256').update(bytes).digest('hex').slice(0, 16))
    const path = join(folder, safeFileName(name))
    await mkdir(folder, { recursive: true })
    await writeFileAtomic(path, bytes)
    return path
  }

  /** Deletes the copy folders that hold none of `kept` (files that fell off the recent list). */
  async prune(kept: readonly string[]): Promise<void> {
    const keep = new Set(
      kept.map((path) => relative(this.dir, dirname(path))).filter((folder) => folder && !folder.includes(sep) && !folder.startsWith('..')),
    )
    const folders = await readdir(this.dir).catch(() => [] as string[])
    await Promise.all(
      folders.filter((folder) => !keep.has(folder)).map((folder) => rm(join(this.dir, folder), { recursive: true, force: true })),
    )
  }
}

/** A name safe as one path segment on every system: no folders, no reserved characters, never hidden, at most 120 characters. */
export function safeFileName(name: string): string {
  const base = name.replaceAll('\\', '/').split('/').pop() ?? ''
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._\-()[\],'&+!]/gu, '_')
    .replace(/^[ .]+|[ .]+$/g, '')
    .slice(0, 120)
  return cleaned || 'Untitled.mid'
}
