import { describe, expect, it } from 'vitest'
import { fileStem, midiFileName, wavFileName } from './fileNames.ts'

describe('file names', () => {
  it('suggest the document’s name with the right extension, never a folder', () => {
    expect(midiFileName('Etude.midi')).toBe('Etude.mid')
    expect(midiFileName('Etude bars 1-2')).toBe('Etude bars 1-2.mid')
    expect(midiFileName('C:\\music\\take.kar')).toBe('take.mid')
    expect(wavFileName('/home/ann/take.mid')).toBe('take.wav')
    expect(wavFileName('')).toBe('Untitled.wav')
    expect(fileStem('.hidden')).toBe('.hidden')
    expect(fileStem('v1.2 draft.mid')).toBe('v1.2 draft')
  })
})
