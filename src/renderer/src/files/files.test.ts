import { describe, expect, it, vi } from 'vitest'
import { emptyReport } from '$shared/midi/report.ts'
import { createSong } from '$shared/music/song.ts'
import type { Song } from '$shared/music/types.ts'
import type { FilesApi } from './api.ts'
import { Autosave } from './autosave.ts'
import { importDroppedFile, openFromDialog, save } from './fileActions.ts'
import { formatImportReport } from './importReport.ts'
import { plainSong } from './plainSong.ts'
import { restoreMessage } from './restore.ts'

/** A fake window.api: each method answers from `answers` (or a default) and logs its call. */
function fakeApi(answers: Partial<Record<keyof FilesApi, unknown[]>> = {}) {
  const calls: [string, unknown[]][] = []
  const api = new Proxy({} as FilesApi, {
    get:
      (_target, key: string) =>
      async (...args: unknown[]) => {
        calls.push([key, args])
        const next = answers[key as keyof FilesApi]?.shift()
        if (next instanceof Error) throw next
        return next ?? { ok: true }
      },
  })
  return { api, calls }
}

const opened = { ok: true, canceled: false, song: createSong(), name: 'a.mid', report: emptyReport(1, { kind: 'ppq', ppq: 480 }, 2) }

describe('the renderer file module', () => {
  it('saves first when the user chose Save on being asked about unsaved changes, then opens', async () => {
    const { api, calls } = fakeApi({
      openFile: [{ ok: true, canceled: true, saveFirst: true }, opened],
      saveFile: [{ ok: true, canceled: false, name: 'current.mid' }],
    })
    const outcome = await openFromDialog({ api, current: () => createSong() })
    expect(outcome).toMatchObject({
      status: 'done',
      name: 'a.mid',
      notice: ['Read 0 notes (MIDI format 1).', 'The file announced 2 tracks; 0 could be read.'],
    })
    expect(calls.map(([k]) => k)).toEqual(['openFile', 'saveFile', 'openFile'])
  })

  it('stops when the save before opening is canceled, and reports failures as sentences', async () => {
    const { api } = fakeApi({ openFile: [{ ok: true, canceled: true, saveFirst: true }], saveFile: [{ ok: true, canceled: true }] })
    expect(await openFromDialog({ api, current: () => createSong() })).toEqual({ status: 'canceled' })
    const failing = fakeApi({
      openFile: [{ ok: false, error: 'broken.mid is not a MIDI file that can be read: no MThd' }],
      saveFile: [new Error('IPC closed')],
    })
    expect(await openFromDialog({ api: failing.api })).toEqual({
      status: 'failed',
      error: 'Broken.mid is not a MIDI file that can be read: no MThd.',
    })
    expect(await save(createSong(), { api: failing.api })).toEqual({ status: 'failed', error: 'IPC closed' })
  })

  it('refuses a dropped file that is not MIDI without asking main, and sends the bytes of one that is', async () => {
    const { api, calls } = fakeApi({ importBytes: [opened] })
    expect(await importDroppedFile(new File(['hi'], 'notes.txt'), { api })).toEqual({
      status: 'failed',
      error: 'notes.txt is not a MIDI file: drop a .mid or .midi file.',
    })
    expect(await importDroppedFile(new File([new Uint8Array([77, 84])], 'Song.MID'), { api })).toMatchObject({ status: 'done' })
    expect(calls).toEqual([['importBytes', ['Song.MID', new Uint8Array([77, 84])]]])
  })

  it('sends plain songs without extra fields the schema would refuse', async () => {
    const song = createSong()
    song.tracks[0]?.notes.push({
      pitch: 60,
      ticks: 0,
      durationTicks: 10,
      velocity: 90,
      id: 7,
      selected: true,
    } as Song['tracks'][0]['notes'][0])
    expect(plainSong(song).tracks[0]?.notes).toEqual([{ pitch: 60, ticks: 0, durationTicks: 10, velocity: 90 }])
    song.tracks[0]?.notes.splice(0, 1, { pitch: 60.4, ticks: 119.6, durationTicks: 0.2, velocity: 0 })
    expect(plainSong(song).tracks[0]?.notes).toEqual([{ pitch: 60, ticks: 120, durationTicks: 1, velocity: 1 }])
  })

  it('autosaves only while dirty and one write at a time', async () => {
    const { api, calls } = fakeApi()
    const autosave = new Autosave({ api })
    let dirty = false
    expect(await autosave.tick(createSong, () => dirty)).toBe(false)
    dirty = true
    const [a, b] = await Promise.all([autosave.tick(createSong, () => dirty), autosave.tick(createSong, () => dirty)])
    expect([a, b]).toEqual([true, false])
    expect(calls.map(([k]) => k)).toEqual(['writeAutosave'])
    vi.useFakeTimers()
    const stop = autosave.start(createSong, () => dirty)
    await vi.advanceTimersByTimeAsync(Autosave.defaultIntervalMs * 3)
    stop()
    await vi.advanceTimersByTimeAsync(Autosave.defaultIntervalMs * 3)
    vi.useRealTimers()
    expect(calls).toHaveLength(4)
  })

  it('skips autosaves while the revision has not changed', async () => {
    const { api, calls } = fakeApi()
    const autosave = new Autosave({ api })
    let revision = 1
    const tick = () =>
      autosave.tick(
        createSong,
        () => true,
        () => revision,
      )
    expect([await tick(), await tick()]).toEqual([true, false])
    revision = 2
    expect(await tick()).toBe(true)
    expect(calls).toHaveLength(2)
  })

  it('words the import report and the restore offer as sentences', () => {
    const report = { ...emptyReport(0, { kind: 'ppq', ppq: 96 }, 1), tracksRead: 1, notesKept: 1200, zeroLengthNotesDropped: 3 }
    expect(formatImportReport(report)).toEqual(['Read 1,200 notes (MIDI format 0).', '3 zero-length notes dropped.'])
    const savedAt = new Date(2026, 10, 21, 14, 5).getTime()
    const time = new Date(savedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    expect(restoreMessage({ name: 'Etude.mid', savedAt, notes: 1 }, savedAt)).toBe(
      `Neural Piano did not close properly. Restore “Etude.mid” (1 note) as it was at ${time}?`,
    )
    expect(restoreMessage({ name: 'Etude.mid', savedAt, notes: 2 }, savedAt + 3 * 86_400_000)).toMatch(
      /\(2 notes\) as it was on .+ at .+\?$/,
    )
  })
})
