import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPianoRollJson } from '../../src/training/data.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

// scripts/data/pickleToJson.py turns the public datasets' pickles into the JSON the CLI reads; here a
// pickle of the same shape is made with Python's own pickle module and converted.
const python = spawnSync('python3', ['--version']).status === 0
if (!python) console.log('pickleToJson tests skipped: no python3 on this machine (the converter is a Python script)')

describe.skipIf(!python)('converting a dataset pickle to piano-roll JSON', () => {
  it('writes every split with key indices 0..87, sorted, at the resolution the name implies', () => {
    const dir = tempFolder('np-pickle-')
    const make = `import pickle\npickle.dump({'train': [[(60, 64, 67), (), (108, 21)]], 'valid': [[(62,)]], 'test': [[(65, 60)]]}, open(${JSON.stringify(join(dir, 'JSB Chorales.pickle'))}, 'wb'))`
    expect(spawnSync('python3', ['-c', make]).status).toBe(0)
    const r = spawnSync('python3', [resolve('scripts/data/pickleToJson.py'), join(dir, 'JSB Chorales.pickle'), join(dir, 'jsb')], {
      encoding: 'utf8',
    })
    expect(r.status, r.stderr).toBe(0)
    const train = loadPianoRollJson(join(dir, 'jsb', 'train.json'))
    expect(train.stepsPerQuarter).toBe(1)
    expect(train.sequences).toEqual([[[39, 43, 46], [], [0, 87]]])
    expect(loadPianoRollJson(join(dir, 'jsb', 'test.json')).sequences).toEqual([[[39, 44]]])
  })

  it('refuses a note outside the 88 keys, naming it', () => {
    const dir = tempFolder('np-pickle-')
    spawnSync('python3', [
      '-c',
      `import pickle\npickle.dump({'train': [[(20,)]], 'valid': []}, open(${JSON.stringify(join(dir, 'Nottingham.pickle'))}, 'wb'))`,
    ])
    const r = spawnSync('python3', [resolve('scripts/data/pickleToJson.py'), join(dir, 'Nottingham.pickle'), join(dir, 'out')], {
      encoding: 'utf8',
    })
    expect(r.status).not.toBe(0)
    expect(r.stderr).toContain('outside the 88 keys')
  })
})
