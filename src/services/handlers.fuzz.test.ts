import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTinyCheckpoint } from '#fixtures/tinyCheckpoint.ts'
import { invokeChannels, requestSchemas, type InvokeChannel } from '../shared/ipc/index.ts'
import { ModelHost } from '../engine/host.ts'
import { continueRequest } from '#fixtures/primers.ts'
import { modelWorkerEntry } from '../workers/entries.ts'
import { FileService } from './files/fileService.ts'
import { ScriptedDialogs } from '#fixtures/dialogs.ts'
import { scaleSong } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'
import { createHandlers } from './handlers.ts'
import { createDispatch, type Dispatch } from './dispatch.ts'

/**
 * Hostile input at the IPC boundary: for every channel, thousands of malformed payloads (wrong types,
 * huge arrays, NaN and infinities, deep nesting, extra keys, strings where numbers belong) each get
 * { ok: false, error } naming the channel; no dialog opens, nothing is written, and the handlers keep
 * answering valid requests afterwards.
 */
const RUNS_PER_CHANNEL = 400

/** One valid request per channel: the starting point of the mutations. */
const valid: Record<InvokeChannel, unknown> = {
  'app:info': undefined,
  // Every optional field present, so that each is fuzzed too.
  'model:continue': continueRequest({
    requestId: 'valid',
    memory: 0.7,
    density: 1,
    rangeMargin: 12,
    avoidClashes: true,
    keyChoice: 'profile',
    bestOf: 1,
  }),
  'model:cancel': { requestId: 'valid' },
  'file:new': undefined,
  'file:open': undefined,
  'file:openRecent': { index: 0 },
  'file:recent': undefined,
  'file:importBytes': { name: 'a.mid', bytes: new Uint8Array([77, 84, 104, 100]) },
  'file:launched': undefined,
  'file:savedByPage': { name: 'a.mid', bytes: new Uint8Array([77, 84, 104, 100]) },
  'file:save': { song: scaleSong(), saveAs: false },
  'file:exportMidi': { song: scaleSong() },
  'file:exportAudio': { wav: new Uint8Array(44) },
  'document:state': { dirty: false },
  'autosave:write': { song: scaleSong() },
  'autosave:check': undefined,
  'autosave:restore': undefined,
  'autosave:discard': undefined,
}

/** Whether the schema accepts a payload; one it cannot even check (it throws) is not valid. */
function isValid(channel: InvokeChannel, payload: unknown): boolean {
  try {
    return requestSchemas[channel].safeParse(payload).success
  } catch {
    return false
  }
}

function deep(levels: number): unknown {
  let value: unknown = 1
  for (let i = 0; i < levels; i++) value = { a: value, b: [value] }
  return value
}

/** Values that do not belong anywhere a schema expects something specific. */
const hostile = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    1.5,
    2 ** 53,
    -(2 ** 31),
    null,
    true,
    '',
    '60',
    '/etc/passwd',
    [],
    {},
  ),
  fc.constant(new Array(300_000).fill(60)),
  fc.constant(deep(2_000)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
  fc.string({ maxLength: 50 }),
  fc.double(),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
)

/** Every path to a value inside a payload (objects and arrays, a few levels deep). */
function paths(value: unknown, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
  if (depth > 4 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return prefix.length ? [prefix] : []
  const keys = Array.isArray(value) ? value.slice(0, 3).map((_, i) => i) : Object.keys(value)
  return [
    ...(prefix.length ? [prefix] : []),
    ...keys.flatMap((key) => paths((value as Record<string | number, unknown>)[key], [...prefix, key], depth + 1)),
  ]
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by
  const [head, ...rest] = path
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>
  copy[head!] = replaced(copy[head!], rest, by)
  return copy
}

/** Malformed variants of a channel's valid payload. */
function malformed(channel: InvokeChannel): fc.Arbitrary<unknown> {
  const base = valid[channel]
  const all = paths(base)
  const variants: fc.Arbitrary<unknown>[] = [hostile, fc.record({ extra: hostile })]
  if (base !== undefined && typeof base === 'object') {
    variants.push(
      fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), hostile).map(([key, v]) => ({ ...(base as object), [`x${key}`]: v })),
    )
  }
  if (all.length > 0) variants.push(fc.tuple(fc.constantFrom(...all), hostile).map(([path, v]) => replaced(base, path, v)))
  return fc.oneof(...variants)
}

describe('every IPC channel under malformed payloads', () => {
  let dispatch: Dispatch
  let dialogs: ScriptedDialogs
  let dataDir: string
  let model: ModelHost

  beforeAll(async () => {
    const scratch = tempFolder('np-fuzz-')
    await createTinyCheckpoint(join(scratch, 'tiny'))
    model = new ModelHost(modelWorkerEntry, { modelDir: join(scratch, 'tiny') })
    dataDir = tempFolder('np-fuzz-data-')
    dialogs = new ScriptedDialogs()
    dispatch = createDispatch(createHandlers({ model, notify: () => {}, files: new FileService({ dataDir, dialogs }) }), () => {})
    await model.settled()
  })
  afterAll(() => model?.dispose())

  it('has a valid example for every channel, so that none escapes the fuzzing', () => {
    expect(Object.keys(valid).sort()).toEqual([...invokeChannels].sort())
    for (const channel of invokeChannels) expect(requestSchemas[channel].safeParse(valid[channel]).success, channel).toBe(true)
  })

  for (const channel of invokeChannels) {
    it(`${channel}: every malformed payload gets a clear error`, async () => {
      let rejected = 0
      await fc.assert(
        fc.asyncProperty(malformed(channel), async (payload) => {
          fc.pre(!isValid(channel, payload))
          const answer = await dispatch(channel, payload)
          expect(answer).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^invalid ${channel} request: .+`)) })
          rejected++
        }),
        { numRuns: RUNS_PER_CHANNEL },
      )
      expect(rejected).toBeGreaterThan(RUNS_PER_CHANNEL / 2)
    })
  }

  it('opened no dialog, wrote nothing, polluted no prototype, and still answers valid requests', async () => {
    expect(dialogs.shown).toEqual([])
    expect(readdirSync(dataDir)).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    await expect(dispatch('app:info', undefined)).resolves.toMatchObject({ ok: true, model: { state: 'ready' } })
    await expect(dispatch('model:continue', valid['model:continue'])).resolves.toMatchObject({ ok: true, requestId: 'valid' })
    await expect(dispatch('file:recent', undefined)).resolves.toMatchObject({ ok: true })
    await expect(dispatch('autosave:write', valid['autosave:write'])).resolves.toMatchObject({ ok: true })
  })
})
