import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Workspace } from './workspace.svelte.ts'
import type { MidiEnvironment } from './midiInput.svelte.ts'
import type { MidiAccess, MidiMessage, MidiPort } from '../midi/devices.ts'
import { notesOf, songWith } from '#fixtures/editorSongs.ts'
import type { ModelStatus } from '$shared/ipc/app.ts'

// The real player loads Tone.js and piano samples; this one writes down what it was asked to do, and
// says the take's first tick is heard 2 s (a bar of count-in at 120 bpm) after it was asked to play.
const log: string[] = []
const players: { metronome: { enabled: boolean } }[] = []
vi.mock('../audio/Player.ts', () => ({
  Player: class {
    playing = false
    metronome = { enabled: false }
    live = { press: (p: number, v: number) => log.push(`live on ${p} ${v}`), release: (p: number) => log.push(`live off ${p}`) }
    constructor() {
      players.push(this)
    }
    onEnd(): void {}
    position(): number {
      return 0
    }
    async play(_song: unknown, o: { fromTick: number; countIn?: boolean; open?: boolean }): Promise<{ heardAtMs: number }> {
      this.playing = true
      log.push(
        `play from ${o.fromTick}${o.countIn ? ', count-in' : ''}${o.open ? ', open' : ''}, metronome ${this.metronome.enabled ? 'on' : 'off'}`,
      )
      return { heardAtMs: performance.now() + 2000 }
    }
    stop(): void {
      this.playing = false
      log.push('stop')
    }
    dispose(): void {}
  },
}))

const ready: ModelStatus = { state: 'ready', backend: { active: 'wasm', tfBackend: 'wasm', skipped: [] } }
const api = {
  continue: () => new Promise<never>(() => undefined),
  cancelContinue: async () => ({ ok: true as const, cancelled: true }),
  onContinueProgress: () => () => undefined,
}

/** One plugged-in keyboard, MIDI allowed before. */
function keyboard(): { env: MidiEnvironment; port: MidiPort & { send(bytes: number[], at: number): void } } {
  const port = {
    id: 'k',
    name: 'Keys',
    state: 'connected',
    onmidimessage: null as ((m: MidiMessage) => void) | null,
    send(bytes: number[], at: number) {
      this.onmidimessage?.({ data: new Uint8Array(bytes), timeStamp: at })
    },
  }
  const access: MidiAccess = { inputs: new Map([['k', port]]), onstatechange: null }
  return { port, env: { requestAccess: async () => access, permission: async () => 'granted', now: () => performance.now() } }
}

beforeEach(() => {
  log.length = 0
  vi.stubGlobal('requestAnimationFrame', () => 1)
  vi.stubGlobal('cancelAnimationFrame', () => undefined)
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('Workspace: MIDI keyboard, recording and metronome', () => {
  it('R records at the playhead with a count-in and plays on; R again writes the take', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'performance', 'Date'] })
    const { env, port } = keyboard()
    const ws = new Workspace(api, () => ready, env)
    ws.editor.load(songWith([]))
    ws.editor.selectBars({ start: 1, end: 2 }) // the playhead: where Play starts
    await ws.midi.connect()
    ws.run('record')
    await vi.dynamicImportSettled()
    await vi.waitFor(() => expect(ws.recorder.takeStartMs).toBe(2000))
    expect(log).toContain('play from 1920, count-in, open, metronome off')
    vi.advanceTimersByTime(2000)
    port.send([0x90, 67, 90], 2000)
    port.send([0x80, 67, 0], 2500)
    expect(log.filter((l) => l.startsWith('live'))).toEqual(['live on 67 90', 'live off 67']) // heard as played
    vi.advanceTimersByTime(1000)
    ws.run('record')
    expect(ws.recorder.state).toBe('idle')
    expect(log.at(-1)).toBe('stop')
    expect(notesOf(ws.editor.song)).toEqual([{ pitch: 67, ticks: 1920, durationTicks: 480, velocity: 90 }])
    expect(ws.editor.bars).toEqual({ start: 1, end: 2 })
    ws.run('undo')
    expect(notesOf(ws.editor.song)).toEqual([])
  })

  it('Space while recording stops and keeps the take; undo while recording stops first, then takes it back', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'performance', 'Date'] })
    const { env, port } = keyboard()
    const ws = new Workspace(api, () => ready, env)
    await ws.midi.connect()
    for (const stopWith of ['playStop', 'undo'] as const) {
      ws.run('record')
      await vi.dynamicImportSettled()
      await vi.waitFor(() => expect(ws.playing).toBe(true))
      const start = ws.recorder.takeStartMs!
      vi.advanceTimersByTime(start - performance.now())
      const pitch = stopWith === 'playStop' ? 60 : 62
      port.send([0x90, pitch, 80], start)
      port.send([0x80, pitch, 0], start + 250)
      vi.advanceTimersByTime(500)
      ws.run(stopWith)
      expect(ws.recorder.active).toBe(false)
      expect(notesOf(ws.editor.song).map((n) => n.pitch)).toEqual([60]) // the first take kept, the second undone
    }
    ws.run('redo')
    expect(notesOf(ws.editor.song).map((n) => n.pitch)).toEqual([60, 62])
  })

  it('R with no keyboard connected says to connect one, and does not record', async () => {
    const ws = new Workspace(api, () => ready, { requestAccess: async () => ({ inputs: new Map(), onstatechange: null }) })
    await ws.midi.enable()
    ws.run('record')
    expect([ws.recorder.active, ws.playing, ws.message]).toEqual([false, false, 'Connect a MIDI keyboard first: MIDI in the toolbar.'])
  })

  it('K turns the metronome on and off, at once in the player too, and it clicks along with playback', async () => {
    const ws = new Workspace(api, () => ready, {})
    ws.run('toggleMetronome')
    expect([ws.metronome, ws.message]).toEqual([true, 'Metronome on.'])
    await ws.play(0)
    expect(log).toEqual(['play from 0, metronome on'])
    ws.run('toggleMetronome')
    expect(players.at(-1)!.metronome.enabled).toBe(false)
  })

  it('without Web MIDI the editor works on and says why; R says why it cannot record', async () => {
    const ws = new Workspace(api, () => ready, {})
    await ws.midi.connect()
    expect(ws.midi.status).toBe('unsupported')
    ws.run('record')
    expect([ws.recorder.active, ws.message]).toEqual([false, ws.midi.problem])
    ws.run('toggleMetronome')
    expect(ws.metronome).toBe(true)
  })
})
