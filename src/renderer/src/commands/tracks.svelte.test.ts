import { describe, expect, it } from 'vitest'
import { createSong } from '$shared/music/song.ts'
import { withNoteIds, type EditorSong } from '../state/editorSong.ts'
import { Editor } from '../state/editor.svelte.ts'
import { addTrack, changeTrack, deleteTrack, setTrackRoles } from './tracks.ts'
import { acceptCandidate } from './candidate.ts'
import { addNote } from './notes.ts'
import { TRACK_COLORS } from '../tracks/palette.ts'

/** A song of three tracks as a file would bring them: Melody (C4), Bass (C2) and Drums (channel 10). */
function threeTracks(): EditorSong {
  const song = createSong(480)
  const note = (pitch: number) => ({ pitch, ticks: 0, durationTicks: 480, velocity: 80 })
  song.tracks = [
    { ...song.tracks[0]!, name: 'Melody', notes: [note(60)] },
    { ...song.tracks[0]!, name: 'Bass', channel: 1, notes: [note(36)] },
    { ...song.tracks[0]!, name: 'Drums', channel: 9, isDrum: true, notes: [note(38)] },
  ]
  return withNoteIds(song)
}

const candidate = [{ pitch: 67, ticks: 1920, durationTicks: 480, velocity: 70 }]

describe('track commands', () => {
  it('a song entering the editor gets a colour per track, all shown and heard, and the default roles', () => {
    const song = threeTracks()
    expect(song.tracks.map((t) => [t.color, t.muted, t.solo, t.hidden])).toEqual(
      TRACK_COLORS.slice(0, 3).map((c) => [c, false, false, false]),
    )
    expect(new Set(song.tracks.map((t) => t.id)).size).toBe(3)
    expect(song.roles).toEqual({ draw: undefined, listen: 'all', write: 'new' })
  })

  it('each change is one undo step; a change to what it already is records nothing', () => {
    const editor = new Editor()
    editor.load(threeTracks())
    const bass = editor.song.tracks[1]!.id
    editor.apply((s, sel) => changeTrack(s, sel, bass, { muted: true }))
    editor.apply((s, sel) => changeTrack(s, sel, bass, { muted: true }))
    editor.apply((s, sel) => changeTrack(s, sel, bass, { name: 'Left hand', color: '#123456' }))
    expect(editor.song.tracks[1]).toMatchObject({ name: 'Left hand', color: '#123456', muted: true })
    editor.undo()
    expect(editor.song.tracks[1]).toMatchObject({ name: 'Bass', muted: true })
    editor.undo()
    expect(editor.song.tracks[1]!.muted).toBe(false)
    expect(editor.canUndo).toBe(false)
  })

  it('hiding a track lets go of its selected notes; new notes then go to the next shown track', () => {
    const song = threeTracks()
    const [melody, bass] = song.tracks
    const selection = new Set([melody!.notes[0]!.id, bass!.notes[0]!.id])
    const hidden = changeTrack(song, selection, melody!.id, { hidden: true })
    expect(hidden.selection).toEqual(new Set([bass!.notes[0]!.id]))
    const drawn = addNote(hidden.song, { pitch: 50, ticks: 0, durationTicks: 480, velocity: 90 })
    expect(drawn.song.tracks.map((t) => t.notes.length)).toEqual([1, 2, 1])
  })

  it('new notes go to the chosen draw track; adding a track draws into it', () => {
    const song = threeTracks()
    const roles = setTrackRoles(song, new Set(), { draw: song.tracks[1]!.id })
    expect(addNote(roles.song, { pitch: 50, ticks: 0, durationTicks: 480, velocity: 90 }).song.tracks[1]!.notes).toHaveLength(2)
    const added = addTrack(song, new Set())
    const track = added.song.tracks[3]!
    expect([track.name, track.channel, track.color, track.notes]).toEqual(['Track 1', 2, TRACK_COLORS[3], []])
    expect(added.song.roles.draw).toBe(track.id)
    expect(addNote(added.song, { pitch: 50, ticks: 0, durationTicks: 480, velocity: 90 }).song.tracks[3]!.notes).toHaveLength(1)
  })

  it('roles name only tracks the song has; deleting a track takes its notes and resets the roles that named it', () => {
    const song = threeTracks()
    const bass = song.tracks[1]!
    expect(setTrackRoles(song, new Set(), { listen: 999 }).song).toBe(song)
    const chosen = setTrackRoles(song, new Set([bass.notes[0]!.id]), { draw: bass.id, listen: bass.id, write: bass.id })
    const deleted = deleteTrack(chosen.song, chosen.selection, bass.id)
    expect(deleted.song.tracks.map((t) => t.name)).toEqual(['Melody', 'Drums'])
    expect(deleted.song.roles).toEqual({ draw: undefined, listen: 'all', write: 'new' })
    expect(deleted.selection.size).toBe(0)
  })

  it('accepted candidates go into a track of their own, which the next accept uses too', () => {
    const first = acceptCandidate(threeTracks(), candidate)
    const own = first.song.tracks[3]!
    expect([own.name, own.notes.map((n) => n.pitch), first.song.roles.write]).toEqual(['Continuation 1', [67], own.id])
    const second = acceptCandidate(first.song, [{ ...candidate[0]!, ticks: 3840 }])
    expect(second.song.tracks).toHaveLength(4)
    expect(second.song.tracks[3]!.notes.map((n) => n.ticks)).toEqual([1920, 3840])
    const fresh = acceptCandidate(setTrackRoles(second.song, new Set(), { write: 'new' }).song, candidate)
    expect(fresh.song.tracks.map((t) => t.name)).toEqual(['Melody', 'Bass', 'Drums', 'Continuation 1', 'Continuation 2'])
  })

  it('or into the chosen "writes to" track, shown again if it was hidden', () => {
    const song = threeTracks()
    const bass = song.tracks[1]!.id
    const chosen = setTrackRoles(changeTrack(song, new Set(), bass, { hidden: true }).song, new Set(), { write: bass })
    const accepted = acceptCandidate(chosen.song, candidate)
    expect(accepted.song.tracks[1]!.notes.map((n) => n.pitch)).toEqual([36, 67])
    expect(accepted.song.tracks[1]!.hidden).toBe(false)
    expect(accepted.song.tracks).toHaveLength(3)
  })
})
