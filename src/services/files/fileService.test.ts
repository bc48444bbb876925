import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportMidi } from '../../shared/midi/index.ts'
import { FileService, type FileServiceOptions } from './fileService.ts'
import { ScriptedDialogs } from '#fixtures/dialogs.ts'
import { scaleSong } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

function setup(extra: Partial<FileServiceOptions> = {}) {
  const dialogs = new ScriptedDialogs()
  const dataDir = tempFolder('np-data-')
  const docs = tempFolder('np-docs-')
  const titles: string[] = []
  const events = { saveRequests: 0, closes: 0, abandoned: 0 }
  const files = new FileService({
    dataDir,
    dialogs,
    onDocumentChange: ({ title }) => void titles.push(title),
    requestSave: () => void events.saveRequests++,
    closeWindow: () => void events.closes++,
    closeAbandoned: () => void events.abandoned++,
    ...extra,
  })
  return { files, dialogs, dataDir, docs, titles, events }
}

describe('FileService', () => {
  it('saves through the dialog, then to the same file, and reopens the same notes', async () => {
    const { files, dialogs, docs, titles } = setup()
    const song = scaleSong()
    files.setState(true, undefined)
    expect(titles.at(-1)).toBe('Untitled • — Neural Piano')
    dialogs.saves.push(join(docs, 'etude'))
    expect(await files.save(song, false)).toEqual({ ok: true, canceled: false, name: 'etude.mid' })
    expect(dialogs.shown).toEqual(['save:Untitled.mid:midi'])
    expect(titles.at(-1)).toBe('etude.mid — Neural Piano')
    expect(await files.save(song, false)).toMatchObject({ ok: true, name: 'etude.mid' })
    expect(dialogs.shown).toHaveLength(1)
    dialogs.opens.push(join(docs, 'etude.mid'))
    const opened = await files.open()
    if (!opened.ok || opened.canceled) throw new Error('expected the file to open')
    expect(opened.song.tracks[0]?.notes).toEqual(song.tracks[0]?.notes)
    expect(opened.song.tempos).toEqual(song.tempos)
    expect(opened.song.timeSignatures).toEqual(song.timeSignatures)
    expect((await files.recentFiles()).ok && (await files.recent.list())).toEqual([{ name: 'etude.mid', folder: docs }])
  })

  it('writes nothing when the save dialog is canceled', async () => {
    const { files, docs } = setup()
    expect(await files.save(scaleSong(), true)).toEqual({ ok: true, canceled: true })
    expect(readdirSync(docs)).toEqual([])
  })

  it('explains a broken MIDI file and keeps the current document', async () => {
    const { files, dialogs, docs } = setup()
    dialogs.saves.push(join(docs, 'good.mid'))
    await files.save(scaleSong(), false)
    writeFileSync(join(docs, 'broken.mid'), 'this is not MIDI at all')
    dialogs.opens.push(join(docs, 'broken.mid'))
    const answer = await files.open()
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^broken\.mid is not a MIDI file that can be read: .+/) })
    expect(files.document.path).toBe(join(docs, 'good.mid'))
    expect(readFileSync(join(docs, 'good.mid')).byteLength).toBeGreaterThan(0)
  })

  it('asks before replacing unsaved changes: Cancel keeps them, Save asks to save first, Discard goes on', async () => {
    const { files, dialogs, docs } = setup()
    const path = join(docs, 'other.mid')
    writeFileSync(path, exportMidi(scaleSong()))
    files.setState(true, 'Sketch')
    await files.writeAutosave(scaleSong())
    dialogs.closes.push('cancel', 'save', 'discard')
    dialogs.opens.push(path)
    expect(await files.open()).toEqual({ ok: true, canceled: true })
    expect(await files.open()).toEqual({ ok: true, canceled: true, saveFirst: true })
    expect(await files.open()).toMatchObject({ ok: true, canceled: false, name: 'other.mid' })
    expect(dialogs.shown).toEqual(['confirm:Sketch', 'confirm:Sketch', 'confirm:Sketch', 'open'])
    expect(await files.checkAutosave()).toEqual({ ok: true, available: false })
  })

  it('drops a recent file that is gone, with a plain message', async () => {
    const { files, docs } = setup()
    await files.recent.add(join(docs, 'gone.mid'))
    expect(await files.openRecent(0)).toEqual({ ok: false, error: 'could not open gone.mid: the file is no longer there' })
    expect(await files.recent.list()).toEqual([])
    expect(await files.openRecent(3)).toEqual({ ok: false, error: 'there is no recent file number 4' })
  })

  it('imports dropped bytes as an untitled document that Save asks a place for', async () => {
    const { files, dialogs, docs } = setup()
    const answer = await files.importBytes('C:\\music\\dropped.mid', exportMidi(scaleSong()))
    expect(answer).toMatchObject({ ok: true, canceled: false, name: 'dropped.mid' })
    expect(files.document.path).toBeUndefined()
    dialogs.saves.push(join(docs, 'kept.mid'))
    await files.save(scaleSong(), false)
    expect(dialogs.shown).toEqual(['save:dropped.mid:midi'])
    expect(await files.importBytes('junk.mid', new Uint8Array([1, 2, 3]))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^junk\.mid is not a MIDI file/),
    })
  })

  it('exports MIDI and WAV where the user chooses, leaving the document alone', async () => {
    const { files, dialogs, docs } = setup()
    dialogs.saves.push(join(docs, 'part'), join(docs, 'take'))
    expect(await files.exportMidi(scaleSong(), 'Bars 1-4')).toEqual({ ok: true, canceled: false, name: 'part.mid' })
    expect(await files.exportAudio(new Uint8Array([82, 73, 70, 70]), undefined)).toEqual({ ok: true, canceled: false, name: 'take.wav' })
    expect(dialogs.shown).toEqual(['save:Bars 1-4.mid:midi', 'save:Untitled.wav:wav'])
    expect(files.document.path).toBeUndefined()
    expect(readFileSync(join(docs, 'take.wav'), 'latin1')).toBe('RIFF')
  })

  it("asks where to save when the document's folder has gone", async () => {
    const { files, dialogs, docs } = setup()
    const gone = join(docs, 'gone')
    mkdirSync(gone)
    dialogs.saves.push(join(gone, 'song.mid'), join(docs, 'rescued.mid'))
    await files.save(scaleSong(), false)
    rmSync(gone, { recursive: true })
    expect(await files.save(scaleSong(), false)).toEqual({ ok: true, canceled: false, name: 'rescued.mid' })
    expect(dialogs.shown).toEqual(['save:Untitled.mid:midi', 'save:song.mid:midi'])
  })

  it('says in plain words why a save failed', async () => {
    const { files, dialogs, docs } = setup()
    dialogs.saves.push(join(docs, 'no-such-folder', 'song.mid'))
    expect(await files.save(scaleSong(), false)).toEqual({
      ok: false,
      error: 'could not save song.mid: the file or its folder is no longer there',
    })
  })

  it('keeps the latest autosave for the next session and restores it as unsaved work', async () => {
    const first = setup()
    first.files.setState(true, 'Sketch')
    await first.files.writeAutosave(scaleSong('older'))
    await first.files.writeAutosave(scaleSong('latest'))
    // A crash: no shutdown. The next session uses the same data folder.
    const next = setup({ dataDir: first.dataDir })
    expect(await next.files.checkAutosave()).toEqual({ ok: true, available: true, name: 'Sketch', savedAt: expect.any(Number), notes: 8 })
    const restored = await next.files.restoreAutosave()
    expect(restored).toMatchObject({ ok: true, name: 'Sketch', song: { name: 'latest' } })
    expect(next.files.document.dirty).toBe(true)
    expect(next.titles.at(-1)).toBe('Sketch • — Neural Piano')
    expect(await next.files.discardAutosave()).toEqual({ ok: true, discarded: true })
    expect(await next.files.checkAutosave()).toEqual({ ok: true, available: false })
  })

  it('sets a damaged autosave aside instead of failing or deleting it', async () => {
    const { files, dataDir } = setup()
    writeFileSync(join(dataDir, 'autosave.json'), '{"version":1,"song":')
    expect(await files.checkAutosave()).toEqual({ ok: true, available: false })
    expect(readdirSync(dataDir).some((f) => f.startsWith('autosave.json.damaged-'))).toBe(true)
  })

  it('removes the autosave once the work is saved, and on a clean exit without unsaved changes', async () => {
    const { files, dialogs, docs, dataDir } = setup()
    files.setState(true, undefined)
    await files.writeAutosave(scaleSong())
    dialogs.saves.push(join(docs, 'saved.mid'))
    await files.save(scaleSong(), false)
    expect(existsSync(join(dataDir, 'autosave.json'))).toBe(false)
    await files.writeAutosave(scaleSong())
    await files.shutdown()
    expect(existsSync(join(dataDir, 'autosave.json'))).toBe(false)
  })

  it("guards closing: Cancel stays open, Save closes after the save, Don't Save closes and forgets", async () => {
    const { files, dialogs, docs, events, dataDir } = setup()
    expect(files.canClose()).toBe(true)
    files.setState(true, undefined)
    expect(files.canClose()).toBe(false)
    dialogs.closes.push('cancel', 'save')
    await files.requestClose()
    expect(events).toEqual({ saveRequests: 0, closes: 0, abandoned: 1 })
    await files.requestClose()
    expect(events).toEqual({ saveRequests: 1, closes: 0, abandoned: 1 })
    dialogs.saves.push(undefined)
    await files.save(scaleSong(), false) // the user canceled the save dialog: still open
    expect(events).toMatchObject({ closes: 0, abandoned: 2 })
    dialogs.closes.push('save')
    await files.requestClose()
    dialogs.saves.push(join(docs, 'closing.mid'))
    await files.save(scaleSong(), false)
    expect(events).toEqual({ saveRequests: 2, closes: 1, abandoned: 2 })

    const other = setup({ dataDir })
    other.files.setState(true, undefined)
    await other.files.writeAutosave(scaleSong())
    other.dialogs.closes.push('discard')
    await other.files.requestClose()
    expect(other.events.closes).toBe(1)
    expect(other.files.canClose()).toBe(true)
    expect(existsSync(join(dataDir, 'autosave.json'))).toBe(false)
  })
})

describe('FileService across windows', () => {
  it('starts the next window (macOS re-activation) with a fresh document that asks again', async () => {
    const { files, dialogs, events } = setup()
    files.setState(true, 'First')
    dialogs.closes.push('discard')
    await files.requestClose()
    expect(events.closes).toBe(1)
    files.windowClosed()
    expect(files.document.title).toBe('Untitled — Neural Piano')
    files.setState(true, undefined)
    expect(files.canClose()).toBe(false)
  })
})
