import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushSync } from 'svelte'
import { Workspace } from './workspace.svelte.ts'
import { allNoteIds } from './editorSong.ts'
import { notesOf, songWith } from '#fixtures/editorSongs.ts'
import type { ModelStatus } from '$shared/ipc/app.ts'

// The real player loads Tone.js and piano samples; this one records what it was asked to do.
const sounded: string[] = []
vi.mock('../audio/Player.ts', () => ({
  Player: class {
    playing = false
    metronome = { enabled: false }
    onEnd(): void {}
    position(): number {
      return 0
    }
    async play(_song: unknown, options: { fromTick: number }): Promise<void> {
      this.playing = true
      sounded.push(`play from ${options.fromTick}`)
    }
    stop(): void {
      this.playing = false
      sounded.push('stop')
    }
    async audition(pitch: number): Promise<void> {
      sounded.push(`key ${pitch}`)
    }
    dispose(): void {}
  },
}))

const ready: ModelStatus = { state: 'ready', backend: { active: 'wasm', tfBackend: 'wasm', skipped: [] } }
const api = {
  continue: () => new Promise<never>(() => undefined),
  cancelContinue: async () => ({ ok: true as const, cancelled: true }),
  onContinueProgress: () => () => undefined,
}

/** A workspace holding two notes in bar 1 (C4 at 0, E4 at 480). */
function workspaceWithNotes(): Workspace {
  const ws = new Workspace(api, () => ready)
  ws.editor.load(
    songWith([
      { pitch: 60, ticks: 0 },
      { pitch: 64, ticks: 480 },
    ]),
  )
  return ws
}

beforeEach(() => {
  sounded.length = 0
  vi.stubGlobal('requestAnimationFrame', () => 1)
  vi.stubGlobal('cancelAnimationFrame', () => undefined)
})
afterEach(() => vi.unstubAllGlobals())

describe('Workspace', () => {
  it('copy and paste go through the actions: the pasted notes are new notes, selected, at the cursor', () => {
    const ws = workspaceWithNotes()
    ws.run('selectAll')
    ws.run('copy')
    expect(ws.message).toBe('Copied 2 notes.')
    ws.cursorTick = 1920
    ws.run('paste')
    expect(notesOf(ws.editor.song).map((n) => [n.pitch, n.ticks])).toEqual([
      [60, 0],
      [64, 480],
      [60, 1920],
      [64, 2400],
    ])
    expect(ws.editor.selectedNotes.map((n) => n.ticks)).toEqual([1920, 2400])
    ws.run('undo')
    expect(ws.editor.song.tracks[0]!.notes).toHaveLength(2)
  })

  it('cut then paste at the selected bar; delete; duplicate after the selection', () => {
    const ws = workspaceWithNotes()
    ws.editor.select([allNoteIds(ws.editor.song)[1]!])
    ws.run('cut')
    expect(notesOf(ws.editor.song).map((n) => n.pitch)).toEqual([60])
    ws.editor.selectBars({ start: 2, end: 3 })
    ws.run('paste')
    expect(notesOf(ws.editor.song).map((n) => [n.pitch, n.ticks])).toEqual([
      [60, 0],
      [64, 3840],
    ])
    ws.run('duplicate')
    expect(ws.editor.selectedNotes.map((n) => [n.pitch, n.ticks])).toEqual([[64, 3840 + ws.step * 4]])
    ws.run('delete')
    expect(notesOf(ws.editor.song)).toHaveLength(2)
  })

  it('transposing sounds the first selected note; with nothing selected the keys scroll instead', async () => {
    const ws = workspaceWithNotes()
    ws.viewport.resize(1000, 500)
    const scrollY = ws.viewport.view.scrollY
    ws.run('transposeUp')
    expect(ws.viewport.view.scrollY).toBeLessThan(scrollY)
    ws.run('selectAll')
    ws.run('octaveUp')
    await vi.dynamicImportSettled()
    expect(notesOf(ws.editor.song).map((n) => n.pitch)).toEqual([72, 76])
    expect(sounded).toEqual(['key 72'])
  })

  it('tools, grid, velocity, follow, hover and help change through methods and actions', () => {
    const ws = new Workspace(api, () => ready)
    ws.run('toolErase')
    expect(ws.tool).toBe('erase')
    ws.setTool('select')
    ws.setGrid('off')
    ws.setDrawVelocity(64)
    ws.setFollow(false)
    ws.setHover({ pitch: 60, tick: 120 })
    expect([ws.tool, ws.grid, ws.drawVelocity, ws.follow, ws.hover]).toEqual(['select', 'off', 64, false, { pitch: 60, tick: 120 }])
    expect(ws.step).toBe(ws.editor.song.ppq / 4)
    ws.run('help')
    expect(ws.helpOpen).toBe(true)
    ws.run('escape')
    expect(ws.helpOpen).toBe(false)
  })

  it('escape clears the selection and the bars; loop says how to use it when no bars are selected', () => {
    const ws = workspaceWithNotes()
    ws.run('selectAll')
    ws.editor.selectBars({ start: 0, end: 1 })
    ws.run('escape')
    expect([ws.editor.selection.size, ws.editor.bars]).toEqual([0, undefined])
    ws.run('toggleLoop')
    expect(ws.loop).toBe(true)
    expect(ws.message).toMatch(/select bars on the ruler/)
  })

  it('plays from the selected bars or notes, and stops', async () => {
    const ws = workspaceWithNotes()
    ws.editor.select([allNoteIds(ws.editor.song)[1]!])
    expect(ws.playFrom(true)).toBe(480)
    ws.editor.selectBars({ start: 1, end: 2 })
    expect(ws.playFrom(false)).toBe(1920)
    await ws.play(ws.playFrom(true))
    expect(ws.playing).toBe(true)
    ws.run('playStop')
    expect([ws.playing, ws.playheadTick]).toEqual([false, undefined])
    expect(sounded).toEqual(['play from 1920', 'stop'])
  })

  it('a message goes after its time; file actions say when files are not wired', () => {
    vi.useFakeTimers()
    const ws = new Workspace(api, () => ready)
    const seen: (string | undefined)[] = []
    const stop = $effect.root(() => {
      $effect(() => void seen.push(ws.message))
    })
    flushSync()
    ws.run('save')
    flushSync()
    vi.advanceTimersByTime(8000)
    flushSync()
    stop()
    vi.useRealTimers()
    expect(seen).toEqual([undefined, 'Files are not available yet.', undefined])
  })
})
