import { describe, expect, it } from 'vitest'
import { describeKey } from './describeKey.ts'

describe('describeKey', () => {
  it('says the key, who chose it and how far the bars were moved', () => {
    expect(describeKey({ name: 'D major', tonic: 2, mode: 'major', transpose: -2, chosenBy: 'model' })).toBe(
      'D major (by the model, moved down 2 semitones)',
    )
    expect(describeKey({ name: 'C minor', tonic: 0, mode: 'minor', transpose: 0, chosenBy: 'profile' })).toBe(
      'C minor (by a key profile, not moved)',
    )
    expect(describeKey({ name: 'B major', tonic: 11, mode: 'major', transpose: 1, chosenBy: 'profile' })).toBe(
      'B major (by a key profile, moved up 1 semitone)',
    )
    expect(describeKey({ name: 'E minor', tonic: 4, mode: 'minor', transpose: -4, chosenBy: 'auto' })).toBe(
      'E minor (by a key profile and the model, moved down 4 semitones)',
    )
    expect(describeKey({ name: 'as written', tonic: 0, mode: 'major', transpose: 0, chosenBy: 'none' })).toBe('as written')
  })
})
