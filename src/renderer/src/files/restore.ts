import type { AutosaveInfo } from '$shared/ipc/files.ts'
import type { Song } from '$shared/music/types.ts'
import { defaultApi, type FilesApi } from './api.ts'
import { settle, type Outcome } from './outcome.ts'

/** A waiting autosave, with the question to ask the user. */
export interface RestoreOffer extends AutosaveInfo {
  /** E.g. "Neural Piano did not close properly. Restore “Etude.mid” (312 notes) as it was at 14:05?" */
  message: string
}

/** At start-up: the autosave left by a session that did not end cleanly, or undefined. */
export async function checkRestore(api: FilesApi = defaultApi()): Promise<RestoreOffer | undefined> {
  const answer = await api.checkAutosave().catch(() => undefined)
  if (!answer?.ok || !answer.available) return undefined
  const { name, savedAt, notes } = answer
  return { name, savedAt, notes, message: restoreMessage({ name, savedAt, notes }) }
}

/** Restores the autosave: it becomes the current document with unsaved changes (keep isDirty true). */
export function restore(api: FilesApi = defaultApi()): Promise<Outcome<{ song: Song; name: string }>> {
  return settle(api.restoreAutosave(), (r) => ({ status: 'done', song: r.song, name: r.name }))
}

/** Declines the offer: the autosave is deleted. */
export async function discardRestore(api: FilesApi = defaultApi()): Promise<void> {
  await api.discardAutosave().catch(() => undefined)
}

/** The restore question in plain words. */
export function restoreMessage(info: AutosaveInfo, now = Date.now()): string {
  const when = new Date(info.savedAt)
  const sameDay = new Date(now).toDateString() === when.toDateString()
  const time = when.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  const at = sameDay ? `at ${time}` : `on ${when.toLocaleDateString()} at ${time}`
  const notes = info.notes === 1 ? '1 note' : `${info.notes.toLocaleString('en')} notes`
  return `Neural Piano did not close properly. Restore “${info.name}” (${notes}) as it was ${at}?`
}
