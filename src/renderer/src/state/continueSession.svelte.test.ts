import { describe, expect, it } from 'vitest'
import { flushSync } from 'svelte'
import { ContinueSession } from './continueSession.svelte.ts'
import { Editor } from './editor.svelte.ts'
import { allNoteIds, notesWithIds } from './editorSong.ts'
import { songWith } from '#fixtures/editorSongs.ts'
import type { ModelStatus } from '$shared/ipc/app.ts'
import type { ContinueProgress, ContinueRequestInput, ContinueResponse } from '$shared/ipc/continue.ts'

const ready: ModelStatus = { state: 'ready', backend: { active: 'wasm', tfBackend: 'wasm', skipped: [] } }
type Answer = Awaited<ReturnType<Window['api']['continue']>>

/** A stand-in for the model host: records requests and answers them when the test says so. */
function fakeModel() {
  const requests: ContinueRequestInput[] = []
  const answers: ((answer: Answer) => void)[] = []
  const cancelled: string[] = []
  let progress: ((p: ContinueProgress) => void) | undefined
  const api = {
    continue: (request: ContinueRequestInput) => {
      requests.push(request)
      return new Promise<Answer>((resolve) => answers.push(resolve))
    },
    cancelContinue: async (requestId: string) => {
      cancelled.push(requestId)
      return { ok: true as const, cancelled: true }
    },
    onContinueProgress: (listener: (p: ContinueProgress) => void) => {
      progress = listener
      return () => (progress = undefined)
    },
  }
  return { api, requests, cancelled, answer: (i: number, a: Answer) => answers[i]!(a), progress: (p: ContinueProgress) => progress?.(p) }
}

/** An answer with one candidate per pitch, each one note at the start of bar 2 (tick 1920). */
function answer(requestId: string, pitches: number[]): Answer {
  const response: ContinueResponse = {
    requestId,
    candidates: pitches.map((pitch) => ({ notes: [{ pitch, ticks: 1920, durationTicks: 480, velocity: 80 }] })),
    startTick: 1920,
    endTick: 3840,
    key: { name: 'C major', tonic: 0, mode: 'major', transpose: 0, chosenBy: 'auto' },
    elapsedMs: 1200,
  }
  return { ok: true, ...response }
}

/** An editor holding one note in bar 1, selected. */
function editorWithNote(): Editor {
  const editor = new Editor()
  editor.load(songWith([{ pitch: 60, ticks: 0 }]))
  editor.select(allNoteIds(editor.song))
  return editor
}

describe('ContinueSession', () => {
  it('says plainly why it cannot continue, without asking the model', async () => {
    const model = fakeModel()
    let status: ModelStatus = { state: 'loading' }
    const session = new ContinueSession(model.api, new Editor(), () => status)
    await session.run()
    expect(session.error).toMatch(/still loading/)
    status = ready
    await session.run()
    expect(session.error).toMatch(/select some bars/i)
    expect(model.requests).toHaveLength(0)
  })

  it('continues the bars of the selected notes with the settings; progress and candidates follow the request', async () => {
    const model = fakeModel()
    const editor = editorWithNote()
    const session = new ContinueSession(model.api, editor, () => ready)
    session.connect()
    session.configure({ variations: 2, seed: 7 })
    const running = session.run()
    const [request] = model.requests
    expect(request).toMatchObject({ selection: { start: 0, end: 1 }, variations: 2, seed: 7 })
    expect(editor.bars).toEqual({ start: 0, end: 1 })
    model.progress({ requestId: 'another', done: 9, total: 9 })
    model.progress({ requestId: request!.requestId, done: 3, total: 12 })
    expect(session.running).toMatchObject({ done: 3, total: 12 })
    model.answer(0, answer(request!.requestId, [62, 64]))
    await running
    expect(session.running).toBeUndefined()
    expect(session.shown?.notes.map((n) => n.pitch)).toEqual([62])
    expect(session.note).toBe('Written in 1.2 s, in C major (by a key profile and the model, not moved)')
    expect(session.settings.seed).toBe(8)
    session.cycle(1)
    expect(session.shown?.notes.map((n) => n.pitch)).toEqual([64])
  })

  it('a cancelled request is stopped in main and its late answer is dropped', async () => {
    const model = fakeModel()
    const session = new ContinueSession(model.api, editorWithNote(), () => ready)
    const running = session.run()
    session.cancel()
    expect(model.cancelled).toEqual([model.requests[0]!.requestId])
    expect(session.error).toBe('Cancelled. Nothing was changed.')
    model.answer(0, answer(model.requests[0]!.requestId, [62]))
    await running
    expect(session.shown).toBeUndefined()
  })

  it('accept writes the candidate on show as one undo step, selects its bars and clears the candidates', async () => {
    const model = fakeModel()
    const editor = editorWithNote()
    const session = new ContinueSession(model.api, editor, () => ready)
    const running = session.run()
    model.answer(0, answer(model.requests[0]!.requestId, [67]))
    await running
    session.accept()
    expect(notesWithIds(editor.song, editor.selection).map((n) => [n.pitch, n.ticks])).toEqual([[67, 1920]])
    expect(editor.bars).toEqual({ start: 1, end: 2 })
    expect([session.shown, session.note]).toEqual([undefined, undefined])
    editor.undo()
    expect(editor.song.tracks[0]!.notes.map((n) => n.pitch)).toEqual([60])
  })

  it('the panel sees the error, the settings and the candidate on show change', async () => {
    const model = fakeModel()
    const session = new ContinueSession(model.api, editorWithNote(), () => ready)
    const seen: string[] = []
    const stop = $effect.root(() => {
      $effect(() => void seen.push(`${session.error ?? '-'} ${session.settings.barsToWrite} ${session.shown?.variation ?? '-'}`))
    })
    flushSync()
    session.configure({ barsToWrite: 2 })
    flushSync()
    const running = session.run()
    model.answer(0, answer(model.requests[0]!.requestId, [62]))
    await running
    flushSync()
    const again = session.run()
    session.cancel()
    flushSync()
    session.clearError()
    flushSync()
    stop()
    model.answer(1, answer(model.requests[1]!.requestId, [64]))
    await again
    expect(seen).toEqual(['- 4 -', '- 2 -', '- 2 1', 'Cancelled. Nothing was changed. 2 1', '- 2 1'])
  })
})
