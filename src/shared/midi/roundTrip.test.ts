import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { importMidi } from './import.ts'
import { exportMidi } from './export.ts'
import { arbitrarySong } from '#fixtures/arbitrarySong.ts'

describe('round trip', () => {
  it('import(export(song)) equals song for random editor songs', () => {
    fc.assert(
      fc.property(arbitrarySong, (song) => {
        const { song: back, report } = importMidi(exportMidi(song))
        expect(back).toEqual(song)
        expect(report.hangingNotesEnded + report.zeroLengthNotesDropped + report.overlappingNotesTrimmed + report.truncatedTracks).toBe(0)
      }),
      { numRuns: 150 },
    )
  })

  it('export is deterministic', () => {
    fc.assert(
      fc.property(arbitrarySong, (song) => {
        expect(exportMidi(song)).toEqual(exportMidi(song))
      }),
      { numRuns: 30 },
    )
  })
})
