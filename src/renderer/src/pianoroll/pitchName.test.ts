import { describe, expect, it } from 'vitest'
import { pitchName } from './pitchName.ts'

describe('names for the status bar', () => {
  it('names pitches', () => {
    expect([21, 60, 61, 108].map(pitchName)).toEqual(['A0', 'C4', 'C#4', 'C8'])
  })
})
