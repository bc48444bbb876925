/** Turns a file-system error into plain words for the UI, e.g. "could not save song.mid: the disk is full". */
export function describeFsError(action: string, name: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const reason = code ? REASONS[code] : undefined
  const detail = reason ?? (error instanceof Error ? error.message : String(error))
  return `could not ${action} ${name}: ${detail}`
}

const REASONS: Record<string, string> = {
  ENOENT: 'the file or its folder is no longer there',
  EACCES: 'you do not have permission',
  EPERM: 'you do not have permission',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EISDIR: 'that is a folder, not a file',
  EBUSY: 'another program is using it',
  EMFILE: 'too many files are open',
}
