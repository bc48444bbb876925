import { describe, expect, it } from 'vitest'
import type { IpcBridge } from '../../../preload/api.ts'
import { createApi } from '../../../preload/api.ts'
import type { EventChannel, EventMap } from '$shared/ipc/index.ts'
import { importMidi } from '$shared/midi/index.ts'
import { createSong } from '$shared/music/song.ts'
import type { Song } from '$shared/music/types.ts'
import type { UnsavedChoice } from './askToSave.ts'
import type { SavePicker, WritableFileHandle } from './browserFiles.ts'
import { createWebApi } from './webApi.ts'

function song(notes = 3): Song {
  const s = createSong(480)
  const track = s.tracks[0]
  if (track) track.notes = Array.from({ length: notes }, (_, i) => ({ pitch: 60 + i, ticks: i * 480, durationTicks: 240, velocity: 80 }))
  return s
}

/** A file handle that keeps what was written to it. */
function handle(name: string): WritableFileHandle & { written: Blob[] } {
  const written: Blob[] = []
  return { name, written, createWritable: async () => ({ write: async (blob: Blob) => void written.push(blob), close: async () => {} }) }
}

/** The web API over a fake server that answers each channel from `answers` and records what it was sent. */
function setup(options: { picker?: SavePicker; choices?: UnsavedChoice[]; file?: File } = {}) {
  const sent: [string, unknown][] = []
  const listeners = new Map<string, (payload: unknown) => void>()
  const downloads: { name: string; blob: Blob }[] = []
  const asked: string[] = []
  const answers: Record<string, unknown> = {
    'file:savedByPage': { ok: true, canceled: false, name: 'from-server.mid' },
    'file:new': { ok: true, canceled: false, name: 'Untitled' },
    'file:importBytes': { ok: true, canceled: false, name: 'picked.mid' },
    'document:state': { ok: true, title: '' },
    'autosave:discard': { ok: true, discarded: true },
  }
  const bridge: IpcBridge = {
    invoke: async (channel, payload) => {
      sent.push([channel, payload])
      return answers[channel] ?? { ok: false, error: `no answer for ${channel}` }
    },
    on: (channel, listener) => {
      listeners.set(channel, listener as (payload: unknown) => void)
      return () => listeners.delete(channel)
    },
  }
  const web = createWebApi({
    bridge,
    saveTarget: () => ({ picker: options.picker, download: (blob, name) => void downloads.push({ blob, name }) }),
    pickFile: async () => options.file,
    askToSave: async (name) => {
      asked.push(name)
      return options.choices?.shift() ?? 'cancel'
    },
  })
  const emit = <C extends EventChannel>(channel: C, payload: EventMap[C]) => listeners.get(channel)?.(payload)
  return { ...web, sent, downloads, asked, emit, channels: () => sent.map(([c]) => c) }
}

const midiNotes = async (blob: Blob) => importMidi(new Uint8Array(await blob.arrayBuffer())).song.tracks.flatMap((t) => t.notes)

describe('the browser mode’s window.api', () => {
  it('has exactly the preload’s functions', () => {
    const { api } = setup()
    const preload = createApi({ invoke: async () => undefined, on: () => () => {} })
    expect(Object.keys(api).sort()).toEqual(Object.keys(preload).sort())
  })

  it('saves through the save picker, then to the same file without asking; Save As asks again', async () => {
    const chosen = [handle('etude.mid'), handle('copy.mid')]
    const suggested: string[] = []
    const picker: SavePicker = async ({ suggestedName }) => {
      suggested.push(suggestedName)
      const next = chosen.shift()
      if (!next) throw new Error('asked once too often')
      return next
    }
    const { api, sent, emit } = setup({ picker })
    emit('document:changed', { title: 'Etude • — Neural Piano', name: 'Etude', dirty: true })
    expect(await api.saveFile(song())).toEqual({ ok: true, canceled: false, name: 'from-server.mid' })
    expect(suggested).toEqual(['Etude.mid'])
    const [channel, payload] = sent.at(-1) ?? []
    expect(channel).toBe('file:savedByPage')
    expect(payload).toMatchObject({ name: 'etude.mid', bytes: expect.any(Uint8Array) })
    await api.saveFile(song(5))
    expect(suggested).toHaveLength(1)
    await api.saveFile(song(), true)
    expect(suggested).toHaveLength(2)
  })

  it('writes the MIDI the server would have written, to the picked file', async () => {
    const file = handle('take.mid')
    const { api } = setup({ picker: async () => file })
    await api.saveFile(song(4))
    expect(file.written).toHaveLength(1)
    expect(await midiNotes(file.written[0] as Blob)).toEqual(song(4).tracks[0]?.notes)
  })

  it('downloads where the browser has no save picker, named after the document', async () => {
    const { api, downloads, emit, channels } = setup()
    emit('document:changed', { title: '', name: 'dropped.midi', dirty: true })
    expect(await api.saveFile(song())).toMatchObject({ ok: true, canceled: false })
    expect(await api.exportMidi(song(2), 'Etude bars 1-2')).toEqual({ ok: true, canceled: false, name: 'Etude bars 1-2.mid' })
    expect(await api.exportAudio(new Uint8Array([82, 73, 70, 70]))).toEqual({ ok: true, canceled: false, name: 'dropped.wav' })
    expect(downloads.map((d) => [d.name, d.blob.type])).toEqual([
      ['dropped.mid', 'audio/midi'],
      ['Etude bars 1-2.mid', 'audio/midi'],
      ['dropped.wav', 'audio/wav'],
    ])
    expect(await midiNotes(downloads[1]?.blob as Blob)).toEqual(song(2).tracks[0]?.notes)
    expect(channels()).toEqual(['file:savedByPage'])
  })

  it('treats a closed save picker as Cancel and tells the server nothing', async () => {
    const picker: SavePicker = async () => {
      throw Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' })
    }
    const { api, channels } = setup({ picker })
    expect(await api.saveFile(song())).toEqual({ ok: true, canceled: true })
    expect(await api.exportMidi(song())).toEqual({ ok: true, canceled: true })
    expect(channels()).toEqual([])
    const failing = setup({ picker: async () => Promise.reject(new Error('disk full')) })
    expect(await failing.api.saveFile(song())).toEqual({ ok: false, error: 'could not write Untitled.mid: disk full' })
  })

  it('asks about unsaved changes before replacing them: Cancel, Save first, or Don’t Save', async () => {
    const { api, asked, sent, emit, channels } = setup({ choices: ['cancel', 'save', 'discard'] })
    await api.setDocumentState({ dirty: true, name: 'Sketch' })
    emit('document:changed', { title: 'Sketch • — Neural Piano', name: 'Sketch', dirty: true })
    expect(await api.newFile()).toEqual({ ok: true, canceled: true })
    expect(await api.newFile()).toEqual({ ok: true, canceled: true, saveFirst: true })
    expect(channels()).toEqual(['document:state'])
    expect(await api.newFile()).toEqual({ ok: true, canceled: false, name: 'Untitled' })
    expect(asked).toEqual(['Sketch', 'Sketch', 'Sketch'])
    expect(sent.slice(1)).toEqual([
      ['autosave:discard', undefined],
      ['document:state', { dirty: false }],
      ['file:new', undefined],
    ])
    await api.newFile()
    expect(asked).toHaveLength(3) // nothing unsaved any more
  })

  it('marks the document unsaved again when what replaced it failed after Don’t Save', async () => {
    const { api, sent } = setup({ choices: ['discard'] })
    await api.setDocumentState({ dirty: true })
    expect(await api.openRecent(4)).toEqual({ ok: false, error: 'no answer for file:openRecent' })
    expect(sent.slice(1).map(([c, p]) => [c, p])).toEqual([
      ['autosave:discard', undefined],
      ['document:state', { dirty: false }],
      ['file:openRecent', { index: 4 }],
      ['document:state', { dirty: true }],
    ])
  })

  it('opens with the file chooser through importBytes, and a closed chooser is Cancel', async () => {
    const picked = setup({ file: new File([new Uint8Array([77, 84, 104, 100])], 'picked.mid') })
    expect(await picked.api.openFile()).toMatchObject({ ok: true, canceled: false, name: 'picked.mid' })
    expect(picked.sent).toEqual([['file:importBytes', { name: 'picked.mid', bytes: new Uint8Array([77, 84, 104, 100]) }]])
    const closed = setup()
    expect(await closed.api.openFile()).toEqual({ ok: true, canceled: true })
    expect(closed.sent).toEqual([])
  })

  it('knows when the document is unsaved, for the question before leaving the page', async () => {
    const { api, isDirty, emit } = setup({ picker: async () => handle('a.mid') })
    expect(isDirty()).toBe(false)
    await api.setDocumentState({ dirty: true })
    expect(isDirty()).toBe(true)
    await api.saveFile(song())
    expect(isDirty()).toBe(false)
    emit('document:changed', { title: '', name: 'a.mid', dirty: true })
    expect(isDirty()).toBe(true)
  })
})
