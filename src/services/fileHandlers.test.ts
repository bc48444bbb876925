import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSong } from '../shared/music/song.ts'
import { FILE_LIMITS } from '../shared/ipc/files.ts'
import type { ModelHost } from '../engine/host.ts'
import { createHandlers } from './handlers.ts'
import { createDispatch } from './dispatch.ts'
import { FileService } from './files/fileService.ts'
import { ScriptedDialogs } from '#fixtures/dialogs.ts'
import { scaleSong } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

const model = { status: { state: 'loading' } } as unknown as ModelHost

function setup() {
  const dataDir = tempFolder('np-data-')
  const dialogs = new ScriptedDialogs()
  const files = new FileService({ dataDir, dialogs })
  return { dispatch: createDispatch(createHandlers({ model, notify: () => {}, files }), () => {}), dataDir, dialogs }
}

function withNotes(count: number, tracks = 1) {
  const song = createSong()
  song.tracks = Array.from({ length: tracks }, (_, t) => ({
    name: '',
    channel: 0,
    instrument: 0,
    isDrum: false,
    controlChanges: [],
    pitchBends: [],
    notes: Array.from({ length: Math.ceil(count / tracks) }, (_, i) => ({ pitch: 60, ticks: i * 10 + t, durationTicks: 5, velocity: 64 })),
  }))
  return song
}

describe('the file channels behind validation', () => {
  it('refuse songs and bytes out of bounds, paths, and extra keys, writing nothing', async () => {
    const { dispatch, dataDir, dialogs } = setup()
    const bad: [string, unknown][] = [
      ['autosave:write', { song: withNotes(FILE_LIMITS.maxNotes + 1, 2) }],
      ['autosave:write', { song: withNotes(10, FILE_LIMITS.maxTracks + 1) }],
      ['autosave:write', { song: { ...createSong(), ppq: 0 } }],
      ['autosave:write', { song: { ...createSong(), tempos: [{ ticks: 0.5, microsecondsPerQuarter: 500_000 }] } }],
      ['autosave:write', { song: { ...createSong(), extra: true } }],
      [
        'autosave:write',
        {
          song: {
            ...withNotes(1),
            tracks: [{ ...withNotes(1).tracks[0], notes: [{ pitch: 60, ticks: 0, durationTicks: 1, velocity: 0 }] }],
          },
        },
      ],
      ['autosave:write', { song: { ...createSong(), name: 'x'.repeat(FILE_LIMITS.maxTextLength + 1) } }],
      ['file:save', { song: createSong(), saveAs: false, path: '/etc/passwd' }],
      ['file:save', { song: createSong(), saveAs: 'yes' }],
      ['file:openRecent', { index: FILE_LIMITS.maxRecent }],
      ['file:openRecent', { index: Number.NaN }],
      ['file:importBytes', { name: 'a.mid', bytes: [77, 84, 104, 100] }],
      ['file:importBytes', { name: 'a.mid', bytes: new Uint8Array(FILE_LIMITS.maxMidiBytes + 1) }],
      ['file:exportAudio', { wav: 'RIFF' }],
      ['document:state', { dirty: 'no' }],
      ['file:open', { path: '/etc/passwd' }],
    ]
    for (const [channel, payload] of bad) {
      expect(await dispatch(channel, payload), channel).toEqual({
        ok: false,
        error: expect.stringMatching(new RegExp(`^invalid ${channel} request: `)),
      })
    }
    expect(readdirSync(dataDir)).toEqual([])
    expect(dialogs.shown).toEqual([])
  })

  it('accept a song at the bounds and answer valid requests afterwards', async () => {
    const { dispatch } = setup()
    expect(await dispatch('autosave:write', { song: withNotes(FILE_LIMITS.maxNotes, FILE_LIMITS.maxTracks) })).toMatchObject({ ok: true })
    expect(await dispatch('autosave:write', { song: scaleSong() })).toMatchObject({ ok: true, savedAt: expect.any(Number) })
    expect(await dispatch('autosave:check', undefined)).toMatchObject({ ok: true, available: true, notes: 8 })
    expect(await dispatch('document:state', { dirty: true })).toEqual({ ok: true, title: 'Untitled • — Neural Piano' })
  })

  it('answer an error, not a crash, where no file service is wired', async () => {
    const dispatch = createDispatch(createHandlers({ model, notify: () => {} }), () => {})
    expect(await dispatch('file:open', undefined)).toEqual({ ok: false, error: 'files are not available in this session' })
  })
})
