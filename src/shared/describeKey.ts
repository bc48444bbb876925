import type { KeyUsed } from './ipc/continue.ts'

/** "D major (by the model, moved down 2 semitones)": the key the bars were heard in, in words. */
export function describeKey(key: KeyUsed): string {
  if (key.chosenBy === 'none') return 'as written'
  const by = { model: 'by the model', profile: 'by a key profile', auto: 'by a key profile and the model' }[key.chosenBy]
  const moved =
    key.transpose === 0
      ? 'not moved'
      : `moved ${key.transpose > 0 ? 'up' : 'down'} ${Math.abs(key.transpose)} semitone${Math.abs(key.transpose) === 1 ? '' : 's'}`
  return `${key.name} (${by}, ${moved})`
}
