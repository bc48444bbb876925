import type { Track } from '$shared/music/types.ts'
import { findTrack, type EditorSong } from '../state/editorSong.ts'

/** A track that may carry the editor's mute and solo (a plain Song's tracks carry neither and are all heard). */
export type MixedTrack = Track & { muted?: boolean; solo?: boolean }

/** The tracks you hear, in song order: none muted, and only soloed ones while any track is soloed. */
export function audibleTracks<T extends MixedTrack>(tracks: readonly T[]): T[] {
  const anySolo = tracks.some((t) => t.solo)
  return tracks.filter((t) => !t.muted && (!anySolo || t.solo))
}

/** The song as Continue hears it: the one track it listens to, or every track you hear. */
export function listenedSong(song: EditorSong): EditorSong {
  const chosen = song.roles.listen === 'all' ? undefined : findTrack(song, song.roles.listen)
  return { ...song, tracks: chosen ? [chosen] : audibleTracks(song.tracks) }
}
