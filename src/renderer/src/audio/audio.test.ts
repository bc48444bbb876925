import { describe, expect, it } from 'vitest'
import { TempoMap } from './timing.ts'
import { scheduleNotes, songEndTick } from './schedule.ts'
import { encodeWav } from './wav.ts'
import { songWith } from '#fixtures/editorSongs.ts'

describe('tempo map', () => {
  it('converts ticks and seconds both ways across tempo changes', () => {
    const map = new TempoMap({
      ppq: 480,
      tempos: [
        { ticks: 0, microsecondsPerQuarter: 500_000 },
        { ticks: 960, microsecondsPerQuarter: 1_000_000 },
      ],
    })
    expect(map.seconds(480)).toBeCloseTo(0.5)
    expect(map.seconds(960)).toBeCloseTo(1)
    expect(map.seconds(1440)).toBeCloseTo(2)
    expect(map.ticks(2)).toBeCloseTo(1440)
    expect(map.ticks(0.25)).toBeCloseTo(240)
  })
})

describe('scheduling', () => {
  it('schedules notes from a tick, with extra notes, velocity as 0..1, and leaves drums out', () => {
    const song = songWith([
      { pitch: 60, ticks: 0, velocity: 127 },
      { pitch: 62, ticks: 960 },
    ])
    const withDrums = { ...song, tracks: [...song.tracks, { ...song.tracks[0]!, isDrum: true, channel: 9 }] }
    const notes = scheduleNotes(withDrums, 480, Infinity, [{ pitch: 70, ticks: 1920, durationTicks: 480, velocity: 64 }])
    expect(notes.map((n) => [n.pitch, n.time, n.duration])).toEqual([
      [62, 1, 0.5],
      [70, 2, 0.5],
    ])
    expect(notes[1]!.velocity).toBeCloseTo(64 / 127)
    expect(songEndTick(song)).toBe(1440)
  })
})

describe('WAV encoding', () => {
  it('writes a valid 16-bit stereo header and clipped samples', () => {
    const left = new Float32Array([0, 1, -1, 2])
    const right = new Float32Array([0.5, -0.5, 0, 0])
    const wav = encodeWav([left, right], 44_100)
    const view = new DataView(wav.buffer)
    expect(new TextDecoder().decode(wav.slice(0, 4))).toBe('RIFF')
    expect(new TextDecoder().decode(wav.slice(8, 16))).toBe('WAVEfmt ')
    expect(view.getUint16(22, true)).toBe(2)
    expect(view.getUint32(24, true)).toBe(44_100)
    expect(view.getUint32(40, true)).toBe(16)
    expect(wav.byteLength).toBe(44 + 16)
    expect([view.getInt16(44, true), view.getInt16(46, true), view.getInt16(48, true), view.getInt16(56, true)]).toEqual([
      0, 16384, 32767, 32767,
    ])
  })
})
