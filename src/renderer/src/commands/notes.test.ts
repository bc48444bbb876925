import { describe, expect, it } from 'vitest'
import { addNote, changeVelocity, deleteNotes, moveNotes, quantizeSelection, resizeNotes, setVelocity, transposeNotes } from './notes.ts'
import { acceptCandidate } from './candidate.ts'
import { copyNotes } from './clipboard.ts'
import { notesOf, songWith } from '#fixtures/editorSongs.ts'
import { History } from '../state/history.ts'
import type { Edit } from './edit.ts'
import type { EditorSong, NoteId } from '../state/editorSong.ts'

/** The ids of every note of the song's first track. */
const idsOf = (song: EditorSong): Set<NoteId> => new Set(song.tracks[0]!.notes.map((n) => n.id))

/** Applies a command the way the Editor does and checks that undo gets the song back exactly. */
function applyAndUndo(song: EditorSong, selection: ReadonlySet<NoteId>, command: (s: EditorSong, sel: ReadonlySet<NoteId>) => Edit): Edit {
  const before = JSON.stringify(song)
  const history = new History<EditorSong>()
  const edit = command(song, selection)
  history.push(song)
  expect(JSON.stringify(song)).toBe(before) // the command never mutates its input
  expect(history.undo(edit.song)).toBe(song)
  return edit
}

describe('note commands', () => {
  it('addNote adds a clamped note, selects it, and undoes', () => {
    const song = songWith([{ pitch: 60, ticks: 0 }])
    const edit = applyAndUndo(song, new Set(), (s) => addNote(s, { pitch: 200, ticks: 479.6, durationTicks: 0, velocity: 300 }))
    expect(notesOf(edit.song)).toEqual([
      { pitch: 60, ticks: 0, durationTicks: 480, velocity: 80 },
      { pitch: 108, ticks: 480, durationTicks: 1, velocity: 127 },
    ])
    expect([...edit.selection]).toEqual([edit.song.tracks[0]!.notes[1]!.id])
  })

  it('addNote on an empty song without tracks makes a piano track', () => {
    const song = { ...songWith([]), tracks: [] }
    const edit = addNote(song, { pitch: 60, ticks: 0, durationTicks: 10, velocity: 90 })
    expect(edit.song.tracks).toHaveLength(1)
    expect(edit.song.tracks[0]!.isDrum).toBe(false)
  })

  it('a note drawn over the same key cuts the earlier one short', () => {
    const song = songWith([{ pitch: 60, ticks: 0, durationTicks: 960 }])
    const edit = addNote(song, { pitch: 60, ticks: 480, durationTicks: 480, velocity: 80 })
    expect(notesOf(edit.song).map((n) => [n.ticks, n.durationTicks])).toEqual([
      [0, 480],
      [480, 480],
    ])
  })

  it('deleteNotes removes only the selected notes and clears the selection', () => {
    const song = songWith([{ pitch: 60 }, { pitch: 64 }, { pitch: 67 }])
    const [, e] = song.tracks[0]!.notes
    const edit = applyAndUndo(song, new Set([e!.id]), (s, sel) => deleteNotes(s, sel))
    expect(notesOf(edit.song).map((n) => n.pitch)).toEqual([60, 67])
    expect(edit.selection.size).toBe(0)
  })

  it('moveNotes moves the selection as a block, kept on the piano and after tick 0', () => {
    const song = songWith([
      { pitch: 100, ticks: 240 },
      { pitch: 104, ticks: 960 },
      { pitch: 50, ticks: 0 },
    ])
    const selected = new Set(song.tracks[0]!.notes.filter((n) => n.pitch >= 100).map((n) => n.id))
    const edit = applyAndUndo(song, selected, (s, sel) => moveNotes(s, sel, -1000, 10))
    expect(notesOf(edit.song)).toEqual([
      { pitch: 50, ticks: 0, durationTicks: 480, velocity: 80 },
      { pitch: 104, ticks: 0, durationTicks: 480, velocity: 80 },
      { pitch: 108, ticks: 720, durationTicks: 480, velocity: 80 },
    ])
    expect(edit.song.tracks[0]!.notes.filter((n) => edit.selection.has(n.id)).map((n) => n.pitch)).toEqual([104, 108])
  })

  it('transposeNotes by an octave, and a no-op returns the same song', () => {
    const song = songWith([{ pitch: 60 }])
    const all = idsOf(song)
    expect(notesOf(applyAndUndo(song, all, (s, sel) => transposeNotes(s, sel, 12)).song)[0]!.pitch).toBe(72)
    expect(transposeNotes(song, new Set(), 12).song).toBe(song)
  })

  it('resizeNotes changes lengths by the same amount, never below the minimum', () => {
    const song = songWith([{ durationTicks: 480 }, { pitch: 62, durationTicks: 120 }])
    const all = idsOf(song)
    const edit = applyAndUndo(song, all, (s, sel) => resizeNotes(s, sel, -240, 120))
    expect(notesOf(edit.song).map((n) => n.durationTicks)).toEqual([240, 120])
  })

  it('setVelocity and changeVelocity stay within 1..127', () => {
    const song = songWith([{ velocity: 120 }, { pitch: 62, velocity: 5 }])
    const all = idsOf(song)
    expect(notesOf(applyAndUndo(song, all, (s, sel) => changeVelocity(s, sel, 20)).song).map((n) => n.velocity)).toEqual([127, 25])
    expect(notesOf(applyAndUndo(song, all, (s, sel) => changeVelocity(s, sel, -20)).song).map((n) => n.velocity)).toEqual([100, 1])
    expect(notesOf(applyAndUndo(song, all, (s, sel) => setVelocity(s, sel, 64)).song).map((n) => n.velocity)).toEqual([64, 64])
  })

  it('quantizeSelection snaps starts and ends of the selected notes only', () => {
    const song = songWith([
      { ticks: 130, durationTicks: 200 },
      { pitch: 62, ticks: 130, durationTicks: 200 },
    ])
    const first = new Set([song.tracks[0]!.notes[0]!.id])
    const edit = applyAndUndo(song, first, (s, sel) => quantizeSelection(s, sel, 120))
    expect(notesOf(edit.song).map((n) => [n.pitch, n.ticks, n.durationTicks])).toEqual([
      [60, 120, 240],
      [62, 130, 200],
    ])
  })

  it('acceptCandidate writes the candidate in one step, into a track of its own, and selects its notes', () => {
    const song = songWith([{ pitch: 60 }])
    const candidate = [
      { pitch: 62, ticks: 1920, durationTicks: 240, velocity: 80 },
      { pitch: 64, ticks: 2160, durationTicks: 240, velocity: 80 },
    ]
    const edit = applyAndUndo(song, new Set(), (s) => acceptCandidate(s, candidate))
    expect(notesOf(edit.song).map((n) => n.pitch)).toEqual([60])
    const written = edit.song.tracks[1]!
    expect([written.name, written.notes.map((n) => n.pitch)]).toEqual(['Continuation 1', [62, 64]])
    expect(edit.selection).toEqual(new Set(written.notes.map((n) => n.id)))
    expect(written.notes).not.toContain(candidate[0]) // copies: the candidate list stays untouched
  })
})

describe('large selections', () => {
  it('moves and copies 200,000 selected notes without running out of stack', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => ({ pitch: 40 + (i % 40), ticks: i * 10, durationTicks: 10, velocity: 80 }))
    const song = songWith(many)
    const all = idsOf(song)
    const moved = moveNotes(song, all, 5, 1)
    expect(moved.selection.size).toBe(200_000)
    expect(moved.song.tracks[0]!.notes[0]).toMatchObject({ pitch: 41, ticks: 5 })
    expect(copyNotes(moved.song, moved.selection).notes).toHaveLength(200_000)
  })
})
