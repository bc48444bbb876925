import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Recorder, type TakeTransport } from './recorder.svelte.ts'
import { Editor } from './editor.svelte.ts'
import { notesWithIds } from './editorSong.ts'
import type { Grid } from '../commands/snap.ts'
import type { MidiEvent } from '../midi/messages.ts'
import { notesOf, songWith } from '#fixtures/editorSongs.ts'

// The songs here are 4/4 at 120 bpm, PPQ 480: a quarter note is 500 ms and 480 ticks; a bar 2 s.
const START_MS = 10_000

function setup(options: { grid?: Grid; startMs?: number | undefined; existing?: boolean } = {}) {
  let now = 8_000
  const editor = new Editor()
  editor.load(
    songWith(
      options.existing
        ? [
            { pitch: 48, ticks: 0, durationTicks: 1920 },
            { pitch: 50, ticks: 2400 },
          ]
        : [],
    ),
  )
  const calls: string[] = []
  let resolveStart: (ms: number | undefined) => void = () => undefined
  const transport: TakeTransport = {
    start: (tick, countIn) => {
      calls.push(`start ${tick}${countIn ? ' with count-in' : ''}`)
      return new Promise((resolve) => (resolveStart = resolve))
    },
    stop: () => void calls.push('stop'),
  }
  const said: string[] = []
  const recorder = new Recorder({ editor, transport, grid: () => options.grid ?? 'off', say: (t) => said.push(t), now: () => now })
  /** Lets playback start: the take's first tick is heard at START_MS. */
  const started = async () => {
    resolveStart('startMs' in options ? options.startMs : START_MS)
    await Promise.resolve()
    await Promise.resolve()
  }
  const at = (ms: number) => {
    now = ms
    vi.advanceTimersByTime(Math.max(0, ms - Date.now()))
  }
  const play = (ms: number, event: MidiEvent) => {
    at(ms)
    recorder.input(event, ms)
  }
  return { editor, recorder, calls, said, started, at, play }
}

const down = (pitch: number, velocity = 80): MidiEvent => ({ type: 'keyDown', pitch, velocity })
const up = (pitch: number): MidiEvent => ({ type: 'keyUp', pitch })

beforeEach(() => {
  vi.useFakeTimers({ now: 8_000 })
})
afterEach(() => vi.useRealTimers())

describe('Recorder', () => {
  it('counts in, records the keys as notes shown while playing, and makes the take one undo step', async () => {
    const { editor, recorder, calls, started, at, play } = setup()
    const start = recorder.start(0)
    expect(recorder.state).toBe('countIn')
    await started()
    await start
    expect(calls).toEqual(['start 0 with count-in'])
    expect(recorder.takeStartMs).toBe(START_MS)
    at(START_MS - 100)
    expect(recorder.state).toBe('countIn')
    at(START_MS + 1)
    expect(recorder.state).toBe('recording')
    play(START_MS, down(60, 100))
    play(START_MS + 500, up(60))
    play(START_MS + 500, down(64, 50))
    at(START_MS + 800)
    // Shown as played (the held E4 so far), not yet an undo step.
    expect(notesOf(editor.song)).toEqual([
      { pitch: 60, ticks: 0, durationTicks: 480, velocity: 100 },
      { pitch: 64, ticks: 480, durationTicks: 288, velocity: 50 },
    ])
    expect(editor.canUndo).toBe(false)
    play(START_MS + 1000, up(64))
    at(START_MS + 2500)
    recorder.stop()
    expect(calls.at(-1)).toBe('stop')
    expect(recorder.state).toBe('idle')
    expect(notesOf(editor.song).map((n) => [n.pitch, n.ticks, n.durationTicks])).toEqual([
      [60, 0, 480],
      [64, 480, 480],
    ])
    editor.undo()
    expect(notesOf(editor.song)).toEqual([])
    editor.redo()
    expect(notesOf(editor.song)).toHaveLength(2)
  })

  it('after a take, its bars and notes are selected and it says so', async () => {
    const { editor, recorder, said, started, play, at } = setup()
    void recorder.start(1920)
    await started()
    play(START_MS, down(60))
    play(START_MS + 2500, up(60)) // into the next bar: bars 2 and 3 (from 0: 1..3)
    at(START_MS + 6000) // waiting before Stop adds no bars
    recorder.stop()
    expect(editor.bars).toEqual({ start: 1, end: 3 })
    expect(notesWithIds(editor.song, editor.selection).map((n) => n.pitch)).toEqual([60])
    expect(said.at(-1)).toBe('Recorded 1 note in bars 2–3, selected: press Continue to go on from them.')
  })

  it('a key pressed in the count-in lands on the first beat; quantize snaps to the grid', async () => {
    const { editor, recorder, started, play } = setup({ grid: { division: 8, triplet: false } })
    recorder.setQuantize(true)
    void recorder.start(0)
    await started()
    play(START_MS - 40, down(60))
    play(START_MS + 230, up(60))
    play(START_MS + 260, down(62))
    play(START_MS + 740, up(62))
    recorder.stop()
    expect(notesOf(editor.song).map((n) => [n.pitch, n.ticks, n.durationTicks])).toEqual([
      [60, 0, 240],
      [62, 240, 480],
    ])
  })

  it('without quantize, keeps the timing as played', async () => {
    const { editor, recorder, started, play } = setup({ grid: { division: 8, triplet: false } })
    void recorder.start(0)
    await started()
    play(START_MS + 30, down(60))
    play(START_MS + 230, up(60))
    recorder.stop()
    expect(notesOf(editor.song).map((n) => [n.ticks, n.durationTicks])).toEqual([[29, 192]])
  })

  it('overdub keeps what was there; replace takes the place of notes starting where the take ran', async () => {
    for (const mode of ['overdub', 'replace'] as const) {
      const { editor, recorder, started, play, at } = setup({ existing: true })
      recorder.setMode(mode)
      recorder.setCountIn(false)
      void recorder.start(1920)
      await started()
      play(START_MS, down(67))
      play(START_MS + 400, up(67))
      at(START_MS + 2000)
      recorder.stop()
      const pitches = notesOf(editor.song).map((n) => n.pitch)
      expect(pitches).toEqual(mode === 'overdub' ? [48, 67, 50] : [48, 67])
    }
  })

  it('nothing played: nothing changes, no undo step, and it says so', async () => {
    const { editor, recorder, said, started, at } = setup({ existing: true })
    recorder.setMode('replace')
    void recorder.start(0)
    await started()
    at(START_MS + 3000)
    recorder.stop()
    expect(notesOf(editor.song)).toHaveLength(2)
    expect(editor.canUndo).toBe(false)
    expect(said.at(-1)).toMatch(/Nothing was played/)
  })

  it('ignores the keyboard when not recording', () => {
    const { editor, recorder } = setup()
    recorder.input(down(60), 1)
    recorder.stop()
    expect(notesOf(editor.song)).toEqual([])
  })

  it('stopped while playback is still starting: stops it once it has started, records nothing', async () => {
    const { editor, recorder, calls, started } = setup()
    const start = recorder.start(0)
    recorder.stop()
    await started()
    await start
    expect(calls).toEqual(['start 0 with count-in', 'stop', 'stop'])
    expect(recorder.state).toBe('idle')
    expect(editor.canUndo).toBe(false)
  })

  it('playback that cannot start leaves the recorder idle', async () => {
    const { recorder, started } = setup({ startMs: undefined })
    const start = recorder.start(0)
    await started()
    await start
    expect(recorder.state).toBe('idle')
  })
})
