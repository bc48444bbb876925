import { describe, expect, it } from 'vitest'
import { flushSync } from 'svelte'
import { Editor } from './editor.svelte.ts'
import { addNote, deleteNotes, moveNotes, transposeNotes } from '../commands/notes.ts'
import { allNoteIds, findNote } from './editorSong.ts'
import { songWith } from '#fixtures/editorSongs.ts'

const note = { pitch: 60, ticks: 0, durationTicks: 480, velocity: 80 }

/** Runs `read` in an effect, as a component would, and returns what it saw each time it ran. */
function watch<T>(read: () => T): { seen: T[]; stop: () => void } {
  const seen: T[] = []
  const stop = $effect.root(() => {
    $effect(() => void seen.push(read()))
  })
  flushSync()
  return { seen, stop }
}

describe('Editor', () => {
  it('apply makes one undo step; undo and redo bring back the song and the selection', () => {
    const editor = new Editor()
    const empty = editor.song
    editor.apply((song) => addNote(song, note))
    const drawn = editor.song
    const [id] = editor.selection
    expect(findNote(drawn, id!)).toMatchObject(note)
    editor.apply((song, selection) => transposeNotes(song, selection, 12))
    expect(findNote(editor.song, id!)?.pitch).toBe(72)
    editor.undo()
    expect(editor.song).toBe(drawn)
    expect([...editor.selection]).toEqual([id])
    editor.undo()
    expect(editor.song).toBe(empty)
    expect([editor.canUndo, editor.canRedo]).toEqual([false, true])
    editor.redo()
    expect(editor.song).toBe(drawn)
  })

  it('a command that changes nothing records nothing', () => {
    const editor = new Editor()
    editor.apply((song, selection) => deleteNotes(song, selection))
    expect(editor.canUndo).toBe(false)
    expect(editor.revision).toBe(0)
  })

  it('a drag shown by preview is one undo step once committed; a drag that changed nothing is none', () => {
    const editor = new Editor()
    editor.load(songWith([note]))
    editor.select(allNoteIds(editor.song))
    const before = editor.snapshot()
    for (const dt of [120, 240, 480]) editor.preview(moveNotes(before.song, before.selection, dt, 0))
    editor.commitFrom(before)
    expect(editor.selectedNotes.map((n) => n.ticks)).toEqual([480])
    editor.undo()
    expect(editor.song).toBe(before.song)
    expect(editor.canUndo).toBe(false)
    editor.commitFrom(editor.snapshot())
    expect(editor.canUndo).toBe(false)
  })

  it('load gives the notes ids and starts afresh: no undo, nothing selected, no bars', () => {
    const editor = new Editor()
    editor.apply((song) => addNote(song, note))
    editor.selectBars({ start: 0, end: 2 })
    editor.load(songWith([note, { ...note, pitch: 64 }]))
    expect(new Set(allNoteIds(editor.song)).size).toBe(2)
    expect([editor.canUndo, editor.selection.size, editor.bars]).toEqual([false, 0, undefined])
  })

  it('what components read updates them: the selected notes, undo, redo and the bars, each on its own', () => {
    const editor = new Editor()
    const pitches = watch(() => editor.selectedNotes.map((n) => n.pitch).join())
    const undo = watch(() => editor.canUndo)
    const redo = watch(() => editor.canRedo)
    const bars = watch(() => editor.bars?.start)
    editor.apply((song) => addNote(song, note))
    flushSync()
    editor.selectBars({ start: 3, end: 4 })
    flushSync()
    editor.undo()
    flushSync()
    for (const view of [pitches, undo, redo, bars]) view.stop()
    expect(pitches.seen).toEqual(['', '60', ''])
    expect(undo.seen).toEqual([false, true, false])
    expect(redo.seen).toEqual([false, true])
    expect(bars.seen).toEqual([undefined, 3])
  })
})
