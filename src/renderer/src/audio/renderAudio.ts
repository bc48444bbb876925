import * as Tone from 'tone'
import type { Song, Ticks } from '$shared/music/types.ts'
import { scheduleNotes, songEndTick, type ScheduledNote } from './schedule.ts'
import { TempoMap } from './timing.ts'
import { encodeWav } from './wav.ts'
import { PIANO_SAMPLE_NOTES } from './samples.ts'

/** Seconds of ring-out rendered after the last note. */
const TAIL = 1.5
/** Seconds of music rendered per step; the notes of each step ring on into the next ones. */
const SEGMENT = 8

/** Renders notes that start in one segment, offline, with their full ring-out. */
async function renderSegment(
  notes: readonly ScheduledNote[],
  start: number,
  duration: number,
  urls: Record<string, Tone.ToneAudioBuffer>,
  sampleRate: number,
): Promise<Tone.ToneAudioBuffer> {
  return Tone.Offline(
    () => {
      const sampler = new Tone.Sampler({ urls, release: 0.8 }).toDestination()
      for (const note of notes)
        sampler.triggerAttackRelease(Tone.Frequency(note.pitch, 'midi').toNote(), note.duration, note.time - start, note.velocity)
    },
    duration,
    2,
    sampleRate,
  )
}

/**
 * Renders the song (or ticks [from, to)) offline with the same sampled piano as playback and returns
 * a 16-bit stereo WAV file, faster than real time. It renders a few seconds at a time and adds the
 * parts up (the piano's voices simply sum), so `onProgress` hears real progress from 0 to 1.
 */
export async function renderWav(
  song: Song,
  buffers: Tone.ToneAudioBuffers,
  range?: { from: Ticks; to: Ticks },
  onProgress: (done: number) => void = () => undefined,
): Promise<Uint8Array> {
  const tempo = new TempoMap(song)
  const from = range?.from ?? 0
  const to = range?.to ?? songEndTick(song)
  const offset = tempo.seconds(from)
  const length = Math.max(0, tempo.seconds(to) - offset)
  const total = length + TAIL
  const notes = scheduleNotes(song, from, to)
  const urls: Record<string, Tone.ToneAudioBuffer> = {}
  for (const name of PIANO_SAMPLE_NOTES) if (buffers.has(name)) urls[name] = buffers.get(name)
  const sampleRate = Tone.getContext().sampleRate
  const channels = [new Float32Array(Math.ceil(total * sampleRate)), new Float32Array(Math.ceil(total * sampleRate))]
  const segments = Math.max(1, Math.ceil(length / SEGMENT))
  for (let i = 0; i < segments; i++) {
    const start = offset + i * SEGMENT
    const end = i === segments - 1 ? Infinity : start + SEGMENT
    const part = notes.filter((n) => n.time >= start && n.time < end)
    if (part.length > 0) {
      const lastEnd = part.reduce((end, n) => Math.max(end, n.time + n.duration), 0)
      const rendered = await renderSegment(part, start, Math.min(total - (start - offset), lastEnd - start + TAIL), urls, sampleRate)
      const at = Math.round((start - offset) * sampleRate)
      for (let c = 0; c < 2; c++) {
        const data = rendered.getChannelData(Math.min(c, rendered.numberOfChannels - 1))
        const target = channels[c]!
        for (let s = 0; s < data.length && at + s < target.length; s++) target[at + s]! += data[s]!
      }
    }
    onProgress((i + 1) / segments)
  }
  return encodeWav(channels, sampleRate)
}
