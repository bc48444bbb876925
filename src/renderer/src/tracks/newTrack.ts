import { DRUM_CHANNEL } from '$shared/music/constants.ts'
import { createTrack } from '$shared/music/song.ts'
import { withTrackIds, type EditorSong, type EditorTrack } from '../state/editorSong.ts'
import { unusedColor } from './palette.ts'

/** The lowest MIDI channel no track uses (never the drum channel), so a DAW can tell the tracks apart; 0 when all are taken. */
export function freeChannel(song: EditorSong): number {
  const used = new Set(song.tracks.map((t) => t.channel))
  for (let channel = 0; channel < 16; channel++) if (channel !== DRUM_CHANNEL && !used.has(channel)) return channel
  return 0
}

/** A new empty piano track for this song: its own channel and a colour no other track has. */
export function newTrack(song: EditorSong, name: string): EditorTrack {
  return withTrackIds(createTrack(freeChannel(song), name), unusedColor(song.tracks.map((t) => t.color)))
}

/** A name like `base` that no track has yet: "Continuation 1", "Continuation 2", … */
export function numberedName(song: EditorSong, base: string): string {
  const names = new Set(song.tracks.map((t) => t.name))
  let n = 1
  while (names.has(`${base} ${n}`)) n++
  return `${base} ${n}`
}
