// Bundled into a blank Chromium page by test/e2e/metronome.test.ts: renders the app's Metronome
// offline (Tone.Offline, an OfflineAudioContext) and hands the samples back.
import * as Tone from 'tone'
import { Metronome } from '../../../src/renderer/src/audio/Metronome.ts'
import type { Song, Ticks } from '../../../src/shared/music/types.ts'

/** What to render. */
export interface RenderRequest {
  song: Pick<Song, 'ppq' | 'tempos' | 'timeSignatures'>
  /** The song's clicks in ticks [from, to) (to null: no end); none when from is null. */
  from: Ticks | null
  to: Ticks | null
  /** Whether the song's clicks sound. */
  enabled: boolean
  /** A count-in bar before this tick, starting at `at` seconds. */
  countIn?: { tick: Ticks; at: number }
  /** Where the song starts in the rendering (seconds). */
  lead: number
  seconds: number
  sampleRate: number
}

async function render(request: RenderRequest): Promise<number[]> {
  const buffer = await Tone.Offline(
    ({ transport }) => {
      const metronome = new Metronome({ enabled: request.enabled }).toDestination()
      if (request.from !== null) metronome.schedule(request.song, request.from, request.to ?? Infinity, transport)
      if (request.countIn) metronome.countIn(request.song, request.countIn.tick, request.countIn.at)
      // A moment in, as playback starts a moment ahead: an offline context has no look-ahead for events at 0.
      transport.start(request.lead)
    },
    request.seconds,
    1,
    request.sampleRate,
  )
  return Array.from(buffer.getChannelData(0))
}

;(window as unknown as { __renderMetronome: typeof render }).__renderMetronome = render
