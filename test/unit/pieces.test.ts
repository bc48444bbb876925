import { describe, expect, it } from 'vitest'
import { exportMidi, importMidi } from '../../src/shared/midi/index.ts'
import { barStartTick, gridLoss, modelNotes } from '../../src/shared/music/index.ts'
import { bachPrelude, minuetInG, odeToJoy, PIECES, pitchOf } from '#fixtures/pieces.ts'

describe('the real pieces of bench:music', () => {
  it('names pitches as scores do', () => {
    expect([pitchOf('C4'), pitchOf('F#5'), pitchOf('Bb3'), pitchOf('A0')]).toEqual([60, 78, 58, 21])
    expect(() => pitchOf('H2')).toThrow('not a pitch name')
  })

  it('are MIDI files of twelve full bars that import back note for note', () => {
    for (const make of PIECES) {
      const song = make()
      const back = importMidi(exportMidi(song)).song
      expect(modelNotes(back).map(({ pitch, ticks, durationTicks }) => [pitch, ticks, durationTicks])).toEqual(
        modelNotes(song).map(({ pitch, ticks, durationTicks }) => [pitch, ticks, durationTicks]),
      )
      const end = Math.max(...modelNotes(song).map((note) => note.ticks + note.durationTicks))
      expect(end).toBe(barStartTick(song, 12))
    }
  })

  it("lose to the model's eighth-note grid what a musician would expect", () => {
    const loss = (song: ReturnType<typeof bachPrelude>, stepsPerQuarter = 2) =>
      gridLoss(modelNotes(song), song, { start: 0, end: 8 }, stepsPerQuarter)
    // On a sixteenth grid the prelude loses only its re-struck bass: twice in every bar (8), and across
    // the bars 1-2, 4-5, 5-6 and 7-8 that keep their bass note (4). Eighths merge its figures too.
    expect(loss(bachPrelude(), 4)).toMatchObject({ notes: 128, merged: 12, step: 'sixteenth notes' })
    expect(loss(bachPrelude()).merged).toBeGreaterThan(20)
    // The minuet's repeated G4 quarters (bars 2 and 4) become held notes.
    expect(loss(minuetInG()).merged).toBe(2)
    // The ode repeats notes in the tune and chords in the left hand: many merge.
    expect(loss(odeToJoy()).merged).toBeGreaterThan(loss(minuetInG()).merged)
  })
})
