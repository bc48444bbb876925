import { describe, expect, it } from 'vitest'
import { ContinueSession } from './continueSession.svelte.ts'
import { Editor } from './editor.svelte.ts'
import { createSong } from '$shared/music/song.ts'
import { changeTrack, setTrackRoles } from '../commands/tracks.ts'
import type { ModelStatus } from '$shared/ipc/app.ts'
import type { ContinueRequestInput } from '$shared/ipc/continue.ts'

const ready: ModelStatus = { state: 'ready', backend: { active: 'wasm', tfBackend: 'wasm', skipped: [] } }

/** A model that answers every request at once with one candidate: G4 at the start of bar 2. */
function answeringModel() {
  const requests: ContinueRequestInput[] = []
  const api = {
    continue: async (request: ContinueRequestInput) => {
      requests.push(request)
      const notes = [{ pitch: 67, ticks: 1920, durationTicks: 480, velocity: 80 }]
      return {
        ok: true as const,
        requestId: request.requestId,
        candidates: [{ notes }],
        startTick: 1920,
        endTick: 3840,
        key: { name: 'C major', tonic: 0, mode: 'major' as const, transpose: 0, chosenBy: 'auto' as const },
        elapsedMs: 5,
      }
    },
    cancelContinue: async () => ({ ok: true as const, cancelled: true }),
    onContinueProgress: () => () => undefined,
  }
  return { api, requests }
}

/** An editor with two tracks in bar 1, Right hand (C5) and Left hand (C3), and bar 1 selected. */
function twoHands(): Editor {
  const song = createSong(480)
  const note = (pitch: number) => ({ pitch, ticks: 0, durationTicks: 480, velocity: 80 })
  song.tracks = [
    { ...song.tracks[0]!, name: 'Right hand', notes: [note(72)] },
    { ...song.tracks[0]!, name: 'Left hand', channel: 1, notes: [note(48)] },
  ]
  const editor = new Editor()
  editor.load(song)
  editor.selectBars({ start: 0, end: 1 })
  return editor
}

describe('Continue and the tracks', () => {
  it('hears every track you hear, or only the track it listens to', async () => {
    const model = answeringModel()
    const editor = twoHands()
    const session = new ContinueSession(model.api, editor, () => ready)
    await session.run()
    editor.apply((s, sel) => changeTrack(s, sel, s.tracks[0]!.id, { muted: true }))
    await session.run()
    editor.apply((s, sel) => setTrackRoles(s, sel, { listen: s.tracks[0]!.id }))
    await session.run()
    expect(model.requests.map((r) => r.notes.map((n) => n.pitch))).toEqual([[48, 72], [48], [72]])
  })

  it('writes the accepted candidate into a track of its own, or into the track it writes to', async () => {
    const model = answeringModel()
    const editor = twoHands()
    const session = new ContinueSession(model.api, editor, () => ready)
    await session.run()
    session.accept()
    expect(editor.song.tracks.map((t) => [t.name, t.notes.map((n) => n.pitch)])).toEqual([
      ['Right hand', [72]],
      ['Left hand', [48]],
      ['Continuation 1', [67]],
    ])
    editor.undo()
    expect(editor.song.tracks).toHaveLength(2)
    editor.apply((s, sel) => setTrackRoles(s, sel, { write: s.tracks[1]!.id }))
    editor.selectBars({ start: 0, end: 1 })
    await session.run()
    session.accept()
    expect(editor.song.tracks.map((t) => t.notes.map((n) => n.pitch))).toEqual([[72], [48, 67]])
  })
})
