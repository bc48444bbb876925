import { describe, expect, it } from 'vitest'
import { buildContinueRequest as buildRequest, defaultContinueSettings as defaultSettings } from './continueRequest.ts'
import { continueRequestSchema } from './ipc/continue.ts'
import { songWith } from '#fixtures/songs.ts'

describe('building a continuation request', () => {
  const song = songWith([
    { pitch: 60, ticks: 0 },
    { pitch: 64, ticks: 1920 },
    { pitch: 67, ticks: 3840 },
    { pitch: 10, ticks: 1920 },
  ])

  it('sends the selected bars (and context) and passes the schema', () => {
    const built = buildRequest(
      song,
      { start: 1, end: 2 },
      { ...defaultSettings, contextBars: 1, maxPolyphony: 3, pitchRange: { low: 80, high: 40 } },
      'r-1',
    )
    expect(built.ok).toBe(true)
    if (!built.ok) return
    expect(built.request.notes.map((n) => n.pitch)).toEqual([60, 64])
    expect(built.request.contextBars).toBe(1)
    expect(built.request.pitchRange).toEqual({ low: 40, high: 80 })
    expect(continueRequestSchema.safeParse(built.request).success).toBe(true)
  })

  it('sends the decoding settings within their bounds, and the head when one is chosen', () => {
    const settings = {
      ...defaultSettings,
      memory: 3,
      density: -1,
      rangeMargin: 12.4,
      avoidClashes: false,
      keyChoice: 'model' as const,
      head: 'independent' as const,
    }
    const built = buildRequest(song, { start: 0, end: 1 }, settings, 'r')
    expect(built.ok && built.request).toMatchObject({
      memory: 1,
      density: 0,
      rangeMargin: 12,
      avoidClashes: false,
      keyChoice: 'model',
      head: 'independent',
    })
    const plain = buildRequest(song, { start: 0, end: 1 }, defaultSettings, 'r')
    expect(plain.ok && 'head' in plain.request).toBe(false)
    expect(plain.ok && continueRequestSchema.safeParse(plain.request).success).toBe(true)
  })

  it('says plainly what is wrong: no bars, empty bars, too many bars', () => {
    expect(buildRequest(song, undefined, defaultSettings, 'r')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/select some bars/i),
    })
    expect(buildRequest(song, { start: 5, end: 7 }, defaultSettings, 'r')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/no piano notes/),
    })
    expect(buildRequest(song, { start: 0, end: 100 }, defaultSettings, 'r')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/at most 64 bars/),
    })
  })
})
