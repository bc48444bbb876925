import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser.ts'
import { startApp, type AppUnderTest } from '../helpers/appHarness.ts'
import { ScriptedDialogs } from '#fixtures/dialogs.ts'
import { scaleSong } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { exportMidi, importMidi } from '../../src/shared/midi/index.ts'
import type { Song } from '../../src/shared/music/types.ts'

/**
 * The files workflow in Chromium, through the real preload to the real handlers and a real data
 * folder: the renderer's file module (src/renderer/src/files) runs in the page, the dialogs are
 * answered by the test. No model is loaded: files must work without one.
 */
let moduleSource = ''
let browser: Browser
const noModel = join(tempFolder('np-nomodel-'), 'none')

/** Loads the renderer's file module into the page as window.__npFiles (page.evaluate is not bound by the CSP). */
async function loadFilesModule(page: Page): Promise<void> {
  await page.evaluate(moduleSource)
  await page.waitForFunction(() => 'api' in window && '__npFiles' in window)
}

// The module's own types belong to the renderer's tsconfig; here, in the page, it is used untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FilesModule = any
declare global {
  interface Window {
    __npFiles: FilesModule
  }
}

function notesOf(song: Song) {
  return song.tracks.flatMap((t) => t.notes)
}

beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: `import * as files from './index.ts'; window.__npFiles = files`,
      resolveDir: resolve('src/renderer/src/files'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    // The renderer reaches src/shared as $shared/… (electron.vite.config.ts, vitest.config.ts).
    alias: { $shared: resolve('src/shared') },
    write: false,
    target: 'chrome120',
  })
  moduleSource = bundle.outputFiles[0]?.text ?? ''
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('files in the app: save, open, import, drop, autosave, restore', () => {
  const dialogs = new ScriptedDialogs()
  const docs = tempFolder('np-docs-')
  let app: AppUnderTest

  beforeAll(async () => {
    app = await startApp({ browser, dialogs, modelDir: noModel })
    await loadFilesModule(app.page)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('saves through the save dialog, reopens the file and gets the same notes, tempo and meter', async () => {
    const song = scaleSong('Etude')
    dialogs.saves.push(join(docs, 'etude'))
    dialogs.opens.push(join(docs, 'etude.mid'))
    const [saved, opened] = await app.page.evaluate(async (s) => {
      await new window.__npFiles.DocumentStatus().set(true)
      const saved = await window.__npFiles.save(s)
      return [saved, await window.__npFiles.openFromDialog()]
    }, song)
    expect(saved).toEqual({ status: 'done', name: 'etude.mid' })
    expect(existsSync(join(docs, 'etude.mid'))).toBe(true)
    if (opened.status !== 'done') throw new Error(`open failed: ${JSON.stringify(opened)}`)
    expect(notesOf(opened.song)).toEqual(notesOf(song))
    expect(opened.song.tempos).toEqual(song.tempos)
    expect(opened.song.timeSignatures).toEqual(song.timeSignatures)
    expect(opened.notice[0]).toBe('Read 8 notes (MIDI format 1).')
    expect(app.titles).toContain('Untitled • — Neural Piano')
    expect(app.titles.at(-1)).toBe('etude.mid — Neural Piano')
    expect(await app.page.evaluate(() => window.__npFiles.recentFiles())).toEqual([{ name: 'etude.mid', folder: docs }])
  })

  it('exports a selection as MIDI and imports the export with the same notes', async () => {
    const selection = scaleSong('Bars 1-2')
    for (const track of selection.tracks) track.notes = track.notes.slice(0, 6)
    dialogs.saves.push(join(docs, 'selection.mid'))
    const exported = await app.page.evaluate((s) => window.__npFiles.exportMidi(s, { suggestedName: 'Etude bars 1-2' }), selection)
    expect(exported).toEqual({ status: 'done', name: 'selection.mid' })
    expect(dialogs.shown.at(-1)).toBe('save:Etude bars 1-2.mid:midi')
    const bytes = [...readFileSync(join(docs, 'selection.mid'))]
    const imported = await app.page.evaluate(
      (b) => window.__npFiles.importDroppedFile(new File([new Uint8Array(b)], 'selection.mid')),
      bytes,
    )
    if (imported.status !== 'done') throw new Error(`import failed: ${JSON.stringify(imported)}`)
    expect(notesOf(imported.song)).toEqual(notesOf(selection))
  })

  it('explains a broken MIDI file plainly and loses nothing', async () => {
    dialogs.saves.push(join(docs, 'keep.mid'))
    await app.page.evaluate((s) => window.__npFiles.save(s, { saveAs: true }), scaleSong('Keep'))
    const before = readFileSync(join(docs, 'keep.mid'))
    writeFileSync(join(docs, 'broken.mid'), Uint8Array.from([0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1]))
    dialogs.opens.push(join(docs, 'broken.mid'))
    const outcome = await app.page.evaluate(() => window.__npFiles.openFromDialog())
    expect(outcome).toEqual({
      status: 'failed',
      error: expect.stringMatching(/^Broken\.mid is not a MIDI file that can be read: .{8,}\.$/),
    })
    expect(app.files.document.path).toBe(join(docs, 'keep.mid'))
    expect(readFileSync(join(docs, 'keep.mid'))).toEqual(before)
    expect(app.titles.at(-1)).toBe('keep.mid — Neural Piano')
  })

  it('opens a .mid file dropped onto the window, without navigating away', async () => {
    const bytes = [...exportMidi(scaleSong('Dropped'))]
    const url = app.page.url()
    const outcome = await app.page.evaluate(async (b) => {
      const { listenForDroppedFiles, importDroppedFile } = window.__npFiles
      const result = new Promise((done) => listenForDroppedFiles((file: File) => void importDroppedFile(file).then(done)))
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(b)], 'dropped.mid', { type: 'audio/midi' }))
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }))
      const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
      document.body.dispatchEvent(drop)
      return { outcome: await result, prevented: drop.defaultPrevented }
    }, bytes)
    expect(outcome.prevented).toBe(true)
    expect(outcome.outcome).toMatchObject({ status: 'done', name: 'dropped.mid', song: { tracks: [{ notes: notesOf(scaleSong()) }] } })
    expect(app.page.url()).toBe(url)
    expect(app.titles.at(-1)).toBe('dropped.mid — Neural Piano')
  })

  it('refuses a dropped file that is not MIDI with a sentence', async () => {
    const outcome = await app.page.evaluate(() => window.__npFiles.importDroppedFile(new File(['hello'], 'notes.txt')))
    expect(outcome).toEqual({ status: 'failed', error: 'notes.txt is not a MIDI file: drop a .mid or .midi file.' })
  })

  it('exports audio bytes to a WAV file', async () => {
    dialogs.saves.push(join(docs, 'take'))
    const outcome = await app.page.evaluate(() => window.__npFiles.exportAudio(new TextEncoder().encode('RIFF....WAVE')))
    expect(outcome).toEqual({ status: 'done', name: 'take.wav' })
    expect(readFileSync(join(docs, 'take.wav'), 'latin1')).toBe('RIFF....WAVE')
  })
})

describe('autosave and restore after a crash', () => {
  it('offers the latest autosave in the next session and restores it as unsaved work', async () => {
    const dataDir = tempFolder('np-data-')
    const first = await startApp({ browser, dataDir, modelDir: noModel })
    await loadFilesModule(first.page)
    const latest = scaleSong('Latest')
    const older = scaleSong('Older')
    await first.page.evaluate(
      async ([a, b]) => {
        const status = new window.__npFiles.DocumentStatus()
        await status.set(true, 'Sketch')
        const autosave = new window.__npFiles.Autosave({ intervalMs: 100 })
        let song = a
        const stop = autosave.start(
          () => song,
          () => true,
        )
        await new Promise((r) => setTimeout(r, 350))
        song = b
        await new Promise((r) => setTimeout(r, 350))
        stop()
      },
      [older, latest] as const,
    )
    // The crash: the page goes away without a clean exit (no shutdown), the data folder stays.
    await first.close()

    const next = await startApp({ browser, dataDir, modelDir: noModel })
    try {
      await loadFilesModule(next.page)
      const { offer, restored } = await next.page.evaluate(async () => {
        const offer = await window.__npFiles.checkRestore()
        return { offer, restored: await window.__npFiles.restore() }
      })
      expect(offer).toMatchObject({
        name: 'Sketch',
        notes: 8,
        message: expect.stringMatching(/^Neural Piano did not close properly\. Restore “Sketch” \(8 notes\)/),
      })
      expect(restored).toMatchObject({ status: 'done', name: 'Sketch', song: { name: 'Latest' } })
      expect(next.titles.at(-1)).toBe('Sketch • — Neural Piano')
      await next.page.evaluate(() => window.__npFiles.discardRestore())
      expect(await next.page.evaluate(() => window.__npFiles.checkRestore())).toBeUndefined()
    } finally {
      await next.close()
    }
  })
})

/** Waits until `check` holds (a file main writes after an IPC round trip). */
async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Drops a file onto the page as a user would: a drop event with a DataTransfer holding a File. */
async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<boolean> {
  return page.evaluate(
    ([n, b]) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(b)], n))
      const target = document.elementFromPoint(700, 400) ?? document.body
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }))
      const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
      target.dispatchEvent(drop)
      return drop.defaultPrevented
    },
    [name, [...bytes]] as const,
  )
}

describe('files through the editor UI', () => {
  it('opens a dropped .mid with its import notice, saves it from the menu, and the file holds the same notes', async () => {
    const dialogs = new ScriptedDialogs()
    const docs = tempFolder('np-docs-')
    const app = await startApp({ browser, dialogs, modelDir: noModel })
    try {
      const song = scaleSong('Dropped')
      await app.page.getByRole('banner', { name: 'Toolbar' }).waitFor()
      expect(await dropFile(app.page, 'dropped.mid', exportMidi(song))).toBe(true)
      const notice = app.page.getByTestId('import-notice')
      await notice.filter({ hasText: 'Read 8 notes (MIDI format 1).' }).waitFor()
      expect(app.titles.at(-1)).toBe('dropped.mid — Neural Piano')
      dialogs.saves.push(join(docs, 'kept.mid'))
      await app.emit('menu:command', 'file:save')
      await until(() => existsSync(join(docs, 'kept.mid')), 'the saved file')
      expect(dialogs.shown).toEqual(['save:dropped.mid:midi'])
      const reread = importMidi(readFileSync(join(docs, 'kept.mid'))).song
      expect(notesOf(reread)).toEqual(notesOf(song))
      expect(reread.tempos).toEqual(song.tempos)
      expect(app.errors).toEqual([])
    } finally {
      await app.close()
    }
  })

  it('offers the autosave after a crash in the restore prompt, restores it, and saves it when closing', async () => {
    const dataDir = tempFolder('np-data-')
    const docs = tempFolder('np-docs-')
    const crashed = await startApp({ browser, dataDir, modelDir: noModel })
    await crashed.page.evaluate(async (s) => {
      await window.api.setDocumentState({ dirty: true, name: 'Sketch' })
      await window.api.writeAutosave(s)
    }, scaleSong('Sketch'))
    await crashed.close()

    const dialogs = new ScriptedDialogs()
    const app = await startApp({ browser, dialogs, dataDir, modelDir: noModel })
    try {
      const prompt = app.page.getByTestId('restore-prompt')
      await prompt.waitFor()
      expect(await prompt.textContent()).toMatch(/Neural Piano did not close properly\. Restore “Sketch” \(8 notes\)/)
      await app.page.getByTestId('restore-accept').click()
      await prompt.waitFor({ state: 'detached' })
      await until(() => app.titles.at(-1) === 'Sketch • — Neural Piano', 'the unsaved title')
      // Closing now asks; the user chooses Save and picks a file; the window closes once it is written.
      dialogs.closes.push('save')
      dialogs.saves.push(join(docs, 'sketch.mid'))
      const closed = new Promise((done) => app.page.once('close', done))
      await app.files.requestClose()
      await closed
      expect(dialogs.shown).toEqual(['confirm:Sketch', 'save:Sketch.mid:midi'])
      expect(notesOf(importMidi(readFileSync(join(docs, 'sketch.mid'))).song)).toEqual(notesOf(scaleSong()))
      expect(existsSync(join(dataDir, 'autosave.json'))).toBe(false)
    } finally {
      await app.close()
    }
  })
})
