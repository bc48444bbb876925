import * as Tone from 'tone'
import type { Song, Ticks } from '../../../shared/music/types.ts'
import { scheduleNotes, songEndTick } from './schedule.ts'
import { TempoMap } from './timing.ts'
import { encodeWav } from './wav.ts'
import { PIANO_SAMPLE_NOTES } from './samples.ts'

/** Seconds of ring-out rendered after the last note. */
const TAIL = 1.5

/**
 * Renders the song (or ticks [from, to)) offline with the same sampled piano as playback and returns
 * a 16-bit stereo WAV file, faster than real time.
 */
export async function renderWav(song: Song, buffers: Tone.ToneAudioBuffers, range?: { from: Ticks; to: Ticks }): Promise<Uint8Array> {
  const tempo = new TempoMap(song)
  const from = range?.from ?? 0
  const to = range?.to ?? songEndTick(song)
  const offset = tempo.seconds(from)
  const duration = Math.max(0.5, tempo.seconds(to) - offset + TAIL)
  const notes = scheduleNotes(song, from, to)
  const urls: Record<string, Tone.ToneAudioBuffer> = {}
  for (const name of PIANO_SAMPLE_NOTES) {
    if (buffers.has(name)) urls[name] = buffers.get(name)
  }
  const rendered = await Tone.Offline(() => {
    const sampler = new Tone.Sampler({ urls, release: 0.8 }).toDestination()
    for (const note of notes) sampler.triggerAttackRelease(Tone.Frequency(note.pitch, 'midi').toNote(), note.duration, note.time - offset, note.velocity)
  }, duration, 2)
  const channels = [0, 1].map((c) => rendered.getChannelData(Math.min(c, rendered.numberOfChannels - 1)))
  return encodeWav(channels, rendered.sampleRate)
}
