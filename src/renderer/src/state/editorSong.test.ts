import { describe, expect, it } from 'vitest'
import { createSong } from '$shared/music/song.ts'
import { songSchema } from '$shared/ipc/files.ts'
import { continueRequestSchema } from '$shared/ipc/continue.ts'
import { allNoteIds, existingIds, findNote, notesWithIds, withNoteIds } from './editorSong.ts'
import { plainSong } from '../files/plainSong.ts'
import { buildContinueRequest as buildRequest, defaultContinueSettings as defaultSettings } from '$shared/continueRequest.ts'
import { copyNotes, pasteNotes } from '../commands/clipboard.ts'
import { moveNotes, resizeNotes } from '../commands/notes.ts'
import { songWith } from '#fixtures/editorSongs.ts'

const plain = () => {
  const song = createSong(480)
  song.tracks[0]!.notes.push(
    { pitch: 60, ticks: 0, durationTicks: 480, velocity: 80 },
    { pitch: 64, ticks: 480, durationTicks: 480, velocity: 90 },
  )
  return song
}

describe('notes with ids in the editor', () => {
  it('a song entering the editor gets a distinct id on every note and keeps its music', () => {
    const song = withNoteIds(plain())
    const ids = allNoteIds(song)
    expect(new Set(ids).size).toBe(2)
    expect(allNoteIds(withNoteIds(plain())).some((id) => ids.includes(id))).toBe(false)
    expect(plainSong(song)).toEqual(plain())
  })

  it('the ids stay in the editor: saving and Continue send plain notes the strict schemas accept', () => {
    const song = withNoteIds(plain())
    expect(songSchema.safeParse(song).success).toBe(false) // an id would be refused
    expect(songSchema.safeParse(plainSong(song)).success).toBe(true)
    const built = buildRequest(song, { start: 0, end: 1 }, defaultSettings, 'r-1')
    expect(built.ok && built.request.notes.every((n) => !('id' in n))).toBe(true)
    expect(built.ok && continueRequestSchema.safeParse(built.request).success).toBe(true)
  })

  it('a note keeps its id when moved or resized; the selection follows it', () => {
    const song = songWith([{ pitch: 60 }, { pitch: 62, ticks: 960 }])
    const [first] = song.tracks[0]!.notes
    const moved = moveNotes(song, new Set([first!.id]), 1920, 5)
    expect(findNote(moved.song, first!.id)).toMatchObject({ pitch: 65, ticks: 1920 })
    expect([...moved.selection]).toEqual([first!.id])
    const resized = resizeNotes(moved.song, moved.selection, 240)
    expect(findNote(resized.song, first!.id)?.durationTicks).toBe(720)
  })

  it('the clipboard holds plain notes; pasting makes new notes with new ids', () => {
    const song = songWith([{ pitch: 60 }])
    const ids = new Set(allNoteIds(song))
    const clip = copyNotes(song, ids)
    expect(clip.notes).toEqual([{ pitch: 60, ticks: 0, durationTicks: 480, velocity: 80 }])
    const pasted = pasteNotes(song, clip, 1920)
    expect(pasted.selection.size).toBe(1)
    expect([...pasted.selection].some((id) => ids.has(id))).toBe(false)
    expect(notesWithIds(pasted.song, pasted.selection).map((n) => n.ticks)).toEqual([1920])
  })

  it('the selection drops a note a change removed, and is the same set when none went', () => {
    const song = songWith([
      { pitch: 60, ticks: 0 },
      { pitch: 60, ticks: 960 },
    ])
    const [a, b] = song.tracks[0]!.notes
    const both = new Set([a!.id, b!.id])
    expect(existingIds(song, both)).toBe(both)
    // Moving the second note onto the first: the first, cut to nothing, is gone.
    const moved = moveNotes(song, new Set([b!.id]), -960, 0)
    expect(findNote(moved.song, a!.id)).toBeUndefined()
    expect([...existingIds(moved.song, both)]).toEqual([b!.id])
  })
})
