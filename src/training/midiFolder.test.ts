import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { exportMidi } from '../shared/midi/index.ts'
import { createSong, createTrack } from '../shared/music/index.ts'
import { loadMidiFolder } from './midiFolder.ts'

const dir = mkdtempSync(join(tmpdir(), 'np-midi-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A song in D major: D-F#-A and G-B-D triads, each a quarter note long, after a bar of silence. */
function dMajorBytes(): Uint8Array {
  const song = createSong(480)
  const track = createTrack(0, 'piano')
  const chords = [
    [62, 66, 69],
    [67, 71, 74],
    [62, 66, 69],
    [69, 73, 76],
  ]
  chords.forEach((chord, i) =>
    chord.forEach((pitch) => track.notes.push({ pitch, ticks: 1920 + i * 480, durationTicks: 480, velocity: 90 })),
  )
  track.notes.sort((a, b) => a.ticks - b.ticks || a.pitch - b.pitch)
  song.tracks.push(track)
  return exportMidi(song)
}

describe('MIDI folder loader', () => {
  it('transposes each file to C by its key estimate, samples at the model resolution, trims silence, holds files out', () => {
    mkdirSync(join(dir, 'sub'))
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, i === 3 ? 'sub' : '.', `piece${i}.mid`), dMajorBytes())
    writeFileSync(join(dir, 'broken.mid'), new Uint8Array([1, 2, 3]))
    const { train, valid, pieces, skipped } = loadMidiFolder(dir, 2, 2)
    expect(skipped.map((s) => s.file)).toEqual(['broken.mid'])
    expect(pieces).toHaveLength(4)
    expect(pieces[0]?.key).toBe('D major')
    expect(pieces[0]?.shift).toBe(-2)
    // D-F#-A moved down two semitones is C-E-G (MIDI 60, 64, 67 = keys 39, 43, 46), two eighth-note frames per chord.
    expect(pieces[0]?.frames.slice(0, 3)).toEqual([
      [39, 43, 46],
      [39, 43, 46],
      [44, 48, 51],
    ])
    expect(pieces[0]?.frames).toHaveLength(8)
    expect(train.sequences).toHaveLength(2)
    expect(valid.sequences).toHaveLength(2)
    expect(train.stepsPerQuarter).toBe(2)
  })
})
