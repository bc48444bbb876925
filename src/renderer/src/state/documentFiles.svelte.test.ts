import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushSync } from 'svelte'
import { DocumentFiles } from './documentFiles.svelte.ts'
import { Workspace } from './workspace.svelte.ts'
import { allNoteIds } from './editorSong.ts'
import { moveNotes } from '../commands/notes.ts'
import { plainSong } from '../files/plainSong.ts'
import { formatImportReport } from '../files/importReport.ts'
import type { FilesApi } from '../files/api.ts'
import { songWith } from '#fixtures/editorSongs.ts'
import { emptyReport } from '$shared/midi/report.ts'
import type { Song } from '$shared/music/types.ts'

/** A stand-in for main's file handlers: each call answers from `answers` (or `{ ok: true }`) and is logged. */
function fakeFiles(answers: Partial<Record<keyof FilesApi, unknown[]>> = {}) {
  const calls: [string, unknown[]][] = []
  const api = new Proxy({} as FilesApi, {
    get: (_target, key: string) => {
      if (key === 'onSaveBeforeClose') return () => () => undefined
      return async (...args: unknown[]) => {
        calls.push([key, args])
        return answers[key as keyof FilesApi]?.shift() ?? { ok: true }
      }
    },
  })
  return { api, calls, of: (key: keyof FilesApi) => calls.filter(([k]) => k === key).map(([, args]) => args) }
}

const continueApi = {
  continue: () => new Promise<never>(() => undefined),
  cancelContinue: async () => ({ ok: true as const, cancelled: true }),
  onContinueProgress: () => () => undefined,
}
const modelLoading = () => ({ state: 'loading' as const })
const twoBars = (): Song =>
  plainSong(
    songWith([
      { pitch: 60, ticks: 0 },
      { pitch: 64, ticks: 1920 },
    ]),
  )
const report = emptyReport(1, { kind: 'ppq', ppq: 480 }, 1)
const opened = (name: string, song: Song = twoBars()) => ({ ok: true, canceled: false, song, name, report })

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', () => 1)
  vi.stubGlobal('cancelAnimationFrame', () => undefined)
})
afterEach(() => vi.unstubAllGlobals())

describe('DocumentFiles', () => {
  it('opens a file into the editor: its name, its notes with ids, the import notice, saved until edited', async () => {
    const main = fakeFiles({ openFile: [opened('Etude.mid')] })
    const workspace = new Workspace(continueApi, modelLoading)
    const files = new DocumentFiles(workspace, main.api)
    await files.open()
    expect(files.name).toBe('Etude.mid')
    expect(new Set(allNoteIds(workspace.editor.song)).size).toBe(2)
    expect(plainSong(workspace.editor.song)).toEqual(twoBars())
    expect(files.notice).toEqual({ name: 'Etude.mid', lines: formatImportReport(report) })
    expect(files.dirty).toBe(false)
    workspace.editor.apply((song) => moveNotes(song, new Set(allNoteIds(song)), 480, 0))
    expect(files.dirty).toBe(true)
    workspace.editor.undo()
    expect(files.dirty).toBe(false)
    files.dismissNotice()
    expect(files.notice).toBeUndefined()
  })

  it('saves plain notes (no editor ids) and is then clean; Save As asks for a place', async () => {
    const main = fakeFiles({
      saveFile: [
        { ok: true, canceled: false, name: 'Mine.mid' },
        { ok: true, canceled: false, name: 'Copy.mid' },
      ],
    })
    const workspace = new Workspace(continueApi, modelLoading)
    const files = new DocumentFiles(workspace, main.api)
    workspace.editor.load(twoBars())
    expect(files.dirty).toBe(true)
    await files.save()
    expect(main.of('saveFile')).toEqual([[twoBars(), false]])
    expect([files.name, files.dirty, workspace.message]).toEqual(['Mine.mid', false, 'Saved Mine.mid.'])
    await files.saveAs()
    expect(main.of('saveFile')[1]![1]).toBe(true)
    expect(files.name).toBe('Copy.mid')
  })

  it('exports the selected bars as a song of their own, named after them', async () => {
    const main = fakeFiles({ exportMidi: [{ ok: true, canceled: false, name: 'x.mid' }] })
    const workspace = new Workspace(continueApi, modelLoading)
    const files = new DocumentFiles(workspace, main.api)
    workspace.editor.load(twoBars())
    workspace.editor.selectBars({ start: 1, end: 2 })
    await files.exportMidi()
    const [[song, name]] = main.of('exportMidi') as [[Song, string]]
    expect(song.tracks[0]!.notes).toEqual([{ pitch: 64, ticks: 0, durationTicks: 480, velocity: 80 }])
    expect(name).toBe('Untitled bars 2-2.mid')
    expect(workspace.message).toBe('Exported x.mid.')
  })

  it('on connect offers the autosave and opens the file named at launch; restoring leaves it unsaved', async () => {
    vi.stubGlobal('window', new EventTarget())
    const main = fakeFiles({
      checkAutosave: [{ ok: true, available: true, name: 'Lost.mid', savedAt: Date.now(), notes: 2 }],
      openLaunched: [{ ok: true, canceled: true }],
      recentFiles: [{ ok: true, files: [{ name: 'Lost.mid', folder: '/music' }] }],
      restoreAutosave: [{ ok: true, song: twoBars(), name: 'Lost.mid', savedAt: 0 }],
    })
    const workspace = new Workspace(continueApi, modelLoading)
    const files = new DocumentFiles(workspace, main.api)
    const seen: (string | undefined)[] = []
    const stop = $effect.root(() => {
      $effect(() => void seen.push(files.restoreOffer?.name))
    })
    const disconnect = files.connect()
    await vi.waitFor(() => expect(files.recent).toHaveLength(1))
    flushSync()
    await files.acceptRestore()
    flushSync()
    stop()
    disconnect()
    expect(seen).toEqual([undefined, 'Lost.mid', undefined])
    expect([files.name, files.dirty]).toEqual(['Lost.mid', true])
    expect(plainSong(workspace.editor.song)).toEqual(twoBars())
  })

  it('tells main about unsaved changes only when that changes', async () => {
    const main = fakeFiles()
    const workspace = new Workspace(continueApi, modelLoading)
    const files = new DocumentFiles(workspace, main.api)
    files.report()
    workspace.editor.load(twoBars())
    files.report()
    files.report()
    await Promise.resolve()
    expect(main.of('setDocumentState')).toEqual([[{ dirty: false }], [{ dirty: true }]])
  })
})
