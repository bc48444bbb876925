import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTinyCheckpoint } from '#fixtures/tinyCheckpoint.ts'
import { toyCorpus } from '#fixtures/toyCorpus.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { main } from '../main.ts'
import { captureConsole } from '#fixtures/console.ts'

const dir = tempFolder('np-cli-evaluate-')
const model = join(dir, 'tiny')
const data = join(dir, 'toy', 'valid.json')
const coarse = join(dir, 'coarse', 'valid.json')

beforeAll(async () => {
  await createTinyCheckpoint(model)
  for (const [path, stepsPerQuarter] of [
    [data, 2],
    [coarse, 1],
  ] as const) {
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, JSON.stringify({ keys: 88, stepsPerQuarter, sequences: toyCorpus(6, 40) }))
  }
})
afterEach(() => vi.restoreAllMocks())

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  vi.restoreAllMocks()
  const { out, err } = captureConsole()
  const code = await main(['evaluate', ...args])
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('neural-piano evaluate', () => {
  it('scores the data, with plain progress lines on stderr when not on a terminal', async () => {
    const { code, out, err } = await run('--model', model, '--data', data)
    expect(code, err).toBe(0)
    expect(out).toMatch(/^independent head:\n  NLL {6}\d+\.\d{4} nats per frame/m)
    expect(err).toMatch(/^evaluating toy: (\d+)\/\1 blocks \(100%\) in \d+s$/m)
    expect(err).not.toContain('\r')
  })

  it('a missing --data file says where the datasets come from', async () => {
    const { code, err } = await run('--model', model, '--data', join(dir, 'nottingham', 'valid.json'))
    expect(code).toBe(1)
    expect(err).toBe(
      `neural-piano evaluate: --data ${join(dir, 'nottingham', 'valid.json')}: no such file. The datasets are the public Boulanger-Lewandowski piano rolls (JSB Chorales, MuseData, Nottingham, Piano-midi.de); the README's "Data" section says how to get them.`,
    )
  })

  it('a missing or wrong --model folder, and data that is not JSON: exit code 1 with the path', async () => {
    expect((await run('--model', join(dir, 'none'), '--data', data)).err).toBe(
      `neural-piano evaluate: --model ${join(dir, 'none')}: no such folder`,
    )
    expect((await run('--model', dir, '--data', data)).err).toContain(`--model ${dir}: not a checkpoint folder (no config.json`)
    const notJson = join(dir, 'song.json')
    writeFileSync(notJson, 'MThd')
    const bad = await run('--model', model, '--data', notJson)
    expect(bad.code).toBe(1)
    expect(bad.err).toContain(`--data ${notJson}: not a JSON file`)
  })

  it('data at another resolution is a usage error that names the data and --resample', async () => {
    const { code, err } = await run('--model', model, '--data', coarse)
    expect(code).toBe(2)
    expect(err.split('\n')).toEqual([
      `neural-piano evaluate: --data ${coarse}: 1 step per quarter, but the model has 2; pass --resample to evaluate anyway (figures per model frame, not comparable with the literature)`,
      'usage: neural-piano evaluate --model DIR --data FILE.json [--head NAME] [--json] [--resample] (neural-piano help evaluate for all options)',
    ])
  })

  it('--model and --data are required', async () => {
    expect((await run('--data', data)).err.split('\n')[0]).toBe(
      'neural-piano evaluate: give the checkpoint folder with --model DIR, e.g. --model resources/model',
    )
    expect((await run('--model', model)).err.split('\n')[0]).toBe(
      'neural-piano evaluate: give the data with --data FILE.json, e.g. --data data/nottingham/valid.json',
    )
  })
})
