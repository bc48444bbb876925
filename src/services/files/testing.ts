import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { createSong } from '../../shared/music/song.ts'
import type { Song } from '../../shared/music/types.ts'
import type { CloseChoice, Dialogs, SaveKind } from './dialogs.ts'

const made = new Set<string>()
try {
  // Registered on the root suite of each test file that imports this module (vitest re-imports it per file).
  afterAll(() => {
    for (const folder of made) rmSync(folder, { recursive: true, force: true })
    made.clear()
  })
} catch {
  // Imported outside a test run (a child process a test starts, for scaleSong): nothing to clean here.
}

/** A fresh temporary folder, removed after the test file that made it. */
export function tempFolder(prefix = 'np-files-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix))
  made.add(folder)
  return folder
}

/** A small song: a C major scale at 120 bpm in 3/4, velocities rising. */
export function scaleSong(name = 'Scale'): Song {
  const song = createSong(480)
  song.name = name
  song.timeSignatures = [{ ticks: 0, numerator: 3, denominator: 4 }]
  song.tempos = [{ ticks: 0, microsecondsPerQuarter: 600_000 }]
  const track = song.tracks[0]
  if (!track) throw new Error('createSong gives one track')
  track.notes = [60, 62, 64, 65, 67, 69, 71, 72].map((pitch, i) => ({ pitch, ticks: i * 480, durationTicks: 400, velocity: 40 + i * 10 }))
  return song
}

/** Dialogs a test answers: queued answers, and a log of what was shown. */
export class ScriptedDialogs implements Dialogs {
  /** Paths the next open dialogs answer (undefined = Cancel); empty = Cancel. */
  opens: (string | undefined)[] = []
  /** Paths the next save dialogs answer. */
  saves: (string | undefined)[] = []
  /** Answers of the next unsaved-changes questions; empty = Cancel. */
  closes: CloseChoice[] = []
  /** Every dialog shown, e.g. "save:Untitled.mid:midi". */
  readonly shown: string[] = []

  async showOpen(): Promise<string | undefined> {
    this.shown.push('open')
    return this.opens.shift()
  }

  async showSave(defaultName: string, kind: SaveKind): Promise<string | undefined> {
    this.shown.push(`save:${defaultName}:${kind}`)
    return this.saves.shift()
  }

  async confirmClose(name: string): Promise<CloseChoice> {
    this.shown.push(`confirm:${name}`)
    return this.closes.shift() ?? 'cancel'
  }
}
