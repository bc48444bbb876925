import { describe, expect, it } from 'vitest'
import { closest, didYouMean, editDistance } from './suggest.ts'

describe('suggestions for mistyped words', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('contineu', 'continue')).toBe(1)
    expect(editDistance('temperture', 'temperature')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
  })

  it('suggests the nearest option, several prefixes, or nothing when nothing is close', () => {
    const options = ['--temperature', '--max-decays', '--max-minutes', '--max-epochs', '--json']
    expect(closest('--temperture', options)).toEqual(['--temperature'])
    expect(closest('--temp', options)).toEqual(['--temperature'])
    expect(didYouMean('--max', options)).toBe(' (did you mean --max-decays, --max-minutes or --max-epochs?)')
    expect(didYouMean('--colour', options)).toBe('')
    expect(didYouMean('bogus', ['info', 'inspect', 'train', 'evaluate', 'continue'])).toBe('')
  })
})
