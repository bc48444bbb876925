import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportMidi, importMidi } from '../../shared/midi/index.ts'
import { FILE_LIMITS } from '../../shared/ipc/files.ts'
import { FileCopies, safeFileName } from './fileCopies.ts'
import { FileService } from './fileService.ts'
import { ScriptedDialogs } from '#fixtures/dialogs.ts'
import { scaleSong } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

/** A FileService as the browser mode builds it: copies kept in the data folder, dialogs that never choose a path. */
function browserMode(launchFile?: string) {
  const dataDir = tempFolder('np-data-')
  const dialogs = new ScriptedDialogs()
  const changes: { title: string; name: string; dirty: boolean }[] = []
  const files = new FileService({
    dataDir,
    dialogs,
    copies: new FileCopies(join(dataDir, 'copies')),
    onDocumentChange: ({ title, name, dirty }) => void changes.push({ title, name, dirty }),
    ...(launchFile ? { launchFile } : {}),
  })
  return { files, dataDir, dialogs, changes }
}

describe('safeFileName', () => {
  it('keeps one plain segment: no folders, no reserved characters, never hidden or empty', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
    expect(safeFileName('C:\\Users\\me\\Étude n°1 (take 2).mid')).toBe('Étude n_1 (take 2).mid')
    expect(safeFileName('a<b>c:d"e|f?g*h.mid')).toBe('a_b_c_d_e_f_g_h.mid')
    expect(safeFileName('..')).toBe('Untitled.mid')
    expect(safeFileName('.hidden.mid')).toBe('hidden.mid')
    expect(safeFileName('')).toBe('Untitled.mid')
    expect(safeFileName('x'.repeat(300))).toHaveLength(120)
  })
})

describe('FileService in browser mode (copies for Open Recent)', () => {
  it('keeps a copy of an imported file in its data folder, and Open Recent reopens it', async () => {
    const { files, dataDir } = browserMode()
    const bytes = exportMidi(scaleSong('Picked'))
    expect(await files.importBytes('/home/someone/picked.mid', bytes)).toMatchObject({ ok: true, name: 'picked.mid' })
    const [copy] = await files.recent.all()
    expect(copy && dirname(dirname(copy))).toBe(join(dataDir, 'copies'))
    expect(readFileSync(copy ?? '')).toEqual(Buffer.from(bytes))
    expect(await files.recent.list()).toMatchObject([{ name: 'picked.mid' }])
    const reopened = await files.openRecent(0)
    if (!reopened.ok || reopened.canceled) throw new Error(`expected the copy to open: ${JSON.stringify(reopened)}`)
    expect(reopened.song.tracks[0]?.notes).toEqual(scaleSong().tracks[0]?.notes)
  })

  it('marks the document saved when the page wrote it, keeps the copy and drops the autosave', async () => {
    const { files, dataDir, changes } = browserMode()
    files.setState(true, 'Sketch')
    await files.writeAutosave(scaleSong())
    const bytes = exportMidi(scaleSong('Sketch'))
    expect(await files.savedByPage('sketch.mid', bytes)).toEqual({ ok: true, canceled: false, name: 'sketch.mid' })
    expect(changes.at(-1)).toEqual({ title: 'sketch.mid — Neural Piano', name: 'sketch.mid', dirty: false })
    expect(existsSync(join(dataDir, 'autosave.json'))).toBe(false)
    const [copy] = await files.recent.all()
    expect(importMidi(readFileSync(copy ?? '')).song.tracks[0]?.notes).toHaveLength(8)
  })

  it('keeps only the copies the recent list still names', async () => {
    const { files, dataDir } = browserMode()
    for (let i = 0; i < FILE_LIMITS.maxRecent + 3; i++) {
      const song = scaleSong(`Take ${i}`)
      song.tracks[0]?.notes.push({ pitch: 40 + i, ticks: 0, durationTicks: 10, velocity: 60 })
      await files.importBytes(`take-${i}.mid`, exportMidi(song))
    }
    expect(readdirSync(join(dataDir, 'copies'))).toHaveLength(FILE_LIMITS.maxRecent)
    expect((await files.recent.list()).map((f) => f.name)[0]).toBe(`take-${FILE_LIMITS.maxRecent + 2}.mid`)
  })

  it('opens the file named at launch once, with its real path in the recent list', async () => {
    const folder = tempFolder('np-docs-')
    const path = join(folder, 'launched.mid')
    writeFileSync(path, exportMidi(scaleSong()))
    const { files } = browserMode(path)
    expect(await files.openLaunched()).toMatchObject({
      ok: true,
      canceled: false,
      name: 'launched.mid',
      song: { tracks: [{ notes: scaleSong().tracks[0]?.notes }] },
    })
    expect(await files.openLaunched()).toEqual({ ok: true, canceled: true })
    expect(await files.recent.all()).toEqual([path])
    expect(await browserMode().files.openLaunched()).toEqual({ ok: true, canceled: true })
  })
})
