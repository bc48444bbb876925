import { fileURLToPath } from 'node:url'
import { accessSync, constants, existsSync, realpathSync, statSync, type Stats } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'

// Checks of the paths a command names, made before any work starts. A problem with a file is not a
// usage error (the words were right, the disk disagrees): these throw plain errors, exit code 1.

/** Where the datasets come from, for a missing --data path. */
export const DATA_HINT =
  'The datasets are the public Boulanger-Lewandowski piano rolls (JSB Chorales, MuseData, Nottingham, Piano-midi.de); the README\'s "Data" section says how to get them.'

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK)
    return true
  } catch {
    return false
  }
}

/** `label` names the path as typed: "song.mid" for a positional argument, "--data x.json" for an option. */
export function checkReadableFile(path: string, label: string, hint = ''): void {
  const stats = statOf(path)
  if (!stats) throw new Error(`${label}: no such file${hint ? `. ${hint}` : ''}`)
  if (stats.isDirectory()) throw new Error(`${label}: that is a folder; give a file`)
  if (!readable(path)) throw new Error(`${label}: cannot be read (permission denied)`)
}

/** A folder that must exist; `hint` adds how to get it. */
export function checkFolder(path: string, label: string, hint = ''): void {
  const stats = statOf(path)
  if (!stats) throw new Error(`${label}: no such folder${hint ? `. ${hint}` : ''}`)
  if (!stats.isDirectory()) throw new Error(`${label}: that is a file; give a folder`)
}

/** A checkpoint folder (config.json + weights manifest), e.g. resources/model. */
export function checkCheckpoint(path: string, label: string): void {
  checkFolder(path, label)
  for (const file of ['config.json', 'model.json']) {
    if (!existsSync(join(path, file)))
      throw new Error(`${label}: not a checkpoint folder (no ${file}; a checkpoint holds config.json, model.json and weight shards)`)
  }
}

/** A dataset folder for training: train.json and valid.json. */
export function checkDataFolder(path: string, label: string): void {
  checkFolder(path, label, DATA_HINT)
  for (const file of ['train.json', 'valid.json']) {
    if (!existsSync(join(path, file)))
      throw new Error(`${label}: no ${file} in that folder; a dataset folder holds train.json and valid.json. ${DATA_HINT}`)
  }
}

/** The same file, even when spelled differently or reached through a link. */
function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return resolve(a) === resolve(b)
  }
}

/**
 * Files a command will write (`paths`, from the value `typed` after `flag`): their folder must exist,
 * none may be `input`, and none may exist unless `force`.
 */
export function checkOutputFiles(paths: readonly string[], flag: string, typed: string, options: { force: boolean; input?: string }): void {
  const label = `${flag} ${typed}`
  for (const path of paths) {
    const it = path === typed ? 'that' : path
    if (!statOf(dirname(resolve(path)))?.isDirectory()) throw new Error(`${label}: the folder ${dirname(path)} does not exist`)
    const stats = statOf(path)
    if (!stats) continue
    if (stats.isDirectory()) throw new Error(`${label}: ${it} is a folder; give a file name`)
    if (options.input !== undefined && sameFile(path, options.input))
      throw new Error(`${label}: ${it} is the input file; write to another file (--force never overwrites the input)`)
    if (!options.force) throw new Error(`${label}: ${path === typed ? 'the file' : path} exists; pass --force to overwrite it`)
  }
}

/** `out.mid` for one file; `out-1.mid`, `out-2.mid`, ... for several. */
export function numberedFiles(path: string, count: number): string[] {
  if (count === 1) return [path]
  const extension = extname(basename(path))
  const stem = path.slice(0, path.length - extension.length)
  return Array.from({ length: count }, (_, i) => `${stem}-${i + 1}${extension}`)
}

/** A folder the command will create or fill: anything but an existing file. */
export function checkNotAFile(path: string, label: string): void {
  if (statOf(path)?.isFile()) throw new Error(`${label}: that is a file; give a folder`)
}

/** The shipped checkpoint, resources/model at the repository root (NEURAL_PIANO_MODEL overrides it). */
export function defaultModelDir(): string {
  return process.env.NEURAL_PIANO_MODEL ?? fileURLToPath(new URL('../../resources/model', import.meta.url))
}
