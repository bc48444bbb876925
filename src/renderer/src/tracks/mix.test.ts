import { describe, expect, it } from 'vitest'
import { createSong } from '$shared/music/song.ts'
import { withNoteIds, type EditorSong } from '../state/editorSong.ts'
import { audibleTracks, listenedSong } from './mix.ts'
import { scheduleNotes } from '../audio/schedule.ts'
import { changeTrack, setTrackRoles } from '../commands/tracks.ts'

/** Two tracks: Right hand (C5 on beat 1) and Left hand (C3 on beat 2). */
function twoHands(): EditorSong {
  const song = createSong(480)
  const note = (pitch: number, ticks: number) => ({ pitch, ticks, durationTicks: 480, velocity: 80 })
  song.tracks = [
    { ...song.tracks[0]!, name: 'Right hand', notes: [note(72, 0)] },
    { ...song.tracks[0]!, name: 'Left hand', channel: 1, notes: [note(48, 480)] },
  ]
  return withNoteIds(song)
}

const change = (song: EditorSong, index: number, what: Parameters<typeof changeTrack>[3]) =>
  changeTrack(song, new Set(), song.tracks[index]!.id, what).song
const pitchesPlayed = (song: EditorSong) => scheduleNotes(song, 0).map((n) => n.pitch)

describe('mute and solo', () => {
  it('playback and Export WAV schedule only the tracks you hear', () => {
    const song = twoHands()
    expect(pitchesPlayed(song)).toEqual([72, 48])
    expect(pitchesPlayed(change(song, 0, { muted: true }))).toEqual([48])
    expect(pitchesPlayed(change(song, 1, { solo: true }))).toEqual([48])
    expect(pitchesPlayed(change(change(song, 1, { solo: true }), 0, { solo: true }))).toEqual([72, 48])
    // A soloed track that is muted stays silent, and the solo still silences the others.
    expect(pitchesPlayed(change(change(song, 1, { solo: true }), 1, { muted: true }))).toEqual([])
    // Hiding a track is about the roll, not the sound.
    expect(pitchesPlayed(change(song, 0, { hidden: true }))).toEqual([72, 48])
  })

  it('a plain song (tracks without mute or solo) is heard whole', () => {
    const song = createSong(480)
    expect(audibleTracks([...song.tracks, ...song.tracks])).toHaveLength(2)
  })
})

describe('what Continue listens to', () => {
  it('every track you hear by default, or the one track chosen', () => {
    const song = twoHands()
    expect(listenedSong(song).tracks.map((t) => t.name)).toEqual(['Right hand', 'Left hand'])
    expect(listenedSong(change(song, 1, { muted: true })).tracks.map((t) => t.name)).toEqual(['Right hand'])
    const left = setTrackRoles(song, new Set(), { listen: song.tracks[1]!.id }).song
    expect(listenedSong(left).tracks.map((t) => t.name)).toEqual(['Left hand'])
    // Chosen by name, heard even when muted: the choice is what it listens to.
    expect(listenedSong(change(left, 1, { muted: true })).tracks.map((t) => t.name)).toEqual(['Left hand'])
  })
})
