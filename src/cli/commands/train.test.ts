import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { toyCorpus } from '#fixtures/toyCorpus.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { main } from '../main.ts'
import { captureConsole } from '#fixtures/console.ts'

const dir = tempFolder('np-cli-train-')
const toy = join(dir, 'toy')

beforeAll(() => {
  mkdirSync(toy)
  writeFileSync(join(toy, 'train.json'), JSON.stringify({ keys: 88, stepsPerQuarter: 2, sequences: toyCorpus(6, 30) }))
  writeFileSync(join(toy, 'valid.json'), JSON.stringify({ keys: 88, stepsPerQuarter: 2, sequences: toyCorpus(2, 20, 5) }))
})
afterEach(() => vi.restoreAllMocks())

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  vi.restoreAllMocks()
  const { out, err } = captureConsole()
  const code = await main(['train', ...args])
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const TRAIN_USAGE =
  'usage: neural-piano train (--data DIR [--data DIR ...] | --midi DIR) --out DIR [options] (neural-piano help train for all options)'

describe('neural-piano train', () => {
  it('trains with the log lines on stdout and a progress line per epoch on stderr', async () => {
    const out = join(dir, 'model')
    const result = await run(
      '--data',
      toy,
      '--out',
      out,
      '--work',
      join(dir, 'work'),
      '--hidden',
      '6,6',
      '--batch',
      '2',
      '--window',
      '8',
      '--max-epochs',
      '2',
      '--eval-every',
      '1000',
    )
    expect(result.code, result.err).toBe(0)
    expect(result.out).toMatch(/\] stopped \(epochs\) after \d+ updates/)
    expect(result.out).toMatch(/\] done: epochs, best validation NLL \d/)
    expect(result.err).toMatch(/^epoch 1: (\d+)\/\1 updates \(100%\) in \d+s$/m)
    expect(result.err).toMatch(/^epoch 2: (\d+)\/\1 updates \(100%\) in \d+s$/m)
    expect(existsSync(join(out, 'config.json'))).toBe(true)
  })

  it('a missing --data folder says where the datasets come from; one without train.json says what it needs', async () => {
    const missing = await run('--data', join(dir, 'jsb'), '--out', join(dir, 'x'))
    expect(missing.code).toBe(1)
    expect(missing.err).toBe(
      `neural-piano train: --data ${join(dir, 'jsb')}: no such folder. The datasets are the public Boulanger-Lewandowski piano rolls (JSB Chorales, MuseData, Nottingham, Piano-midi.de); the README's "Data" section says how to get them.`,
    )
    const empty = join(dir, 'empty')
    mkdirSync(empty)
    expect((await run('--data', empty, '--out', join(dir, 'x'))).err).toContain(
      `--data ${empty}: no train.json in that folder; a dataset folder holds train.json and valid.json.`,
    )
    expect((await run('--midi', join(dir, 'midi'), '--out', join(dir, 'x'))).err).toBe(
      `neural-piano train: --midi ${join(dir, 'midi')}: no such folder`,
    )
    expect((await run('--data', toy, '--init', join(dir, 'nothing'), '--out', join(dir, 'x'))).err).toBe(
      `neural-piano train: --init ${join(dir, 'nothing')}: no such folder`,
    )
    expect((await run('--data', toy, '--out', join(toy, 'train.json'))).err).toBe(
      `neural-piano train: --out ${join(toy, 'train.json')}: that is a file; give a folder`,
    )
  })

  const usageErrors: [string[], string][] = [
    [['--out', 'x'], 'give the training data with --data DIR (train.json + valid.json) or --midi DIR'],
    [['--data', toy], 'give the folder for the checkpoint with --out DIR'],
    [
      ['--data', toy, '--out', 'x', '--hidden', '512,big'],
      '--hidden 512,big: give LSTM layer sizes, whole numbers from 1 to 4096 separated by commas, e.g. --hidden 1024,1024',
    ],
    [['--data', toy, '--out', 'x', '--batch', '0'], '--batch 0: give a whole number from 1 to 4096'],
    [['--data', toy, '--out', 'x', '--lr', '0'], '--lr 0: give a number above 0 and at most 1'],
    [['--data', toy, '--out', 'x', '--dropout', '1'], '--dropout 1: give a number from 0 to 0.95'],
    [['--data', toy, '--out', 'x', '--max'], 'unknown option --max (did you mean --max-decays, --max-minutes or --max-epochs?)'],
    [
      ['--data', toy, '--out', 'x', '--seed', '-1'],
      '--seed needs a value; "-1" reads as an option (write --seed=-1 for a value that starts with "-")',
    ],
    [['--data', toy, '--out', 'x', '--seed=-1'], '--seed -1: give a whole number from 0 to 4294967295'],
  ]
  for (const [args, message] of usageErrors) {
    it(`${args.slice(-2).join(' ')}: "${message}", exit code 2, before any data loads`, async () => {
      const { code, err, out } = await run(...args)
      expect(code).toBe(2)
      expect(err.split('\n')).toEqual([`neural-piano train: ${message}`, TRAIN_USAGE])
      expect(out).toBe('') // not even the backend line: nothing started
    })
  }
})
