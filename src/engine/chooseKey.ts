import type { ContinueRequest, KeyChoice, KeyUsed } from '../shared/ipc/index.ts'
import { barsToFrames, KEYS } from '../shared/music/index.ts'
import { AS_WRITTEN, primerNotes, profileKey, transposeFrames } from './plan.ts'
import type { StepModel } from './stepModel.ts'
import { bestShift, KEY_SHIFTS, keyOfShift, staysOnKeyboard } from './decoding/keyChoice.ts'

/**
 * Scores the primer under every shift of KEY_SHIFTS in one batch and returns the key of the shift the
 * model finds most likely (among those that keep every note on the keyboard). The shift 0 gets
 * `stayMargin` nats per frame of head start, so that a primer already in C stays put.
 */
export async function modelKey(model: StepModel, request: ContinueRequest, stayMargin: number): Promise<KeyUsed> {
  const { notes, range, meter } = primerNotes(request)
  const primer = barsToFrames(notes, meter, range, model.stepsPerQuarter)
  if (primer.length === 0) return AS_WRITTEN
  const input = new Float32Array(KEY_SHIFTS.length * primer.length * KEYS)
  KEY_SHIFTS.forEach((shift, b) => {
    transposeFrames(primer, shift).forEach((frame, t) => {
      for (const key of frame) input[(b * primer.length + t) * KEYS + key] = 1
    })
  })
  const scores = await model.logLikelihoods(input, primer.length, KEY_SHIFTS.length, request.head)
  const bonus = KEY_SHIFTS.map((shift) => (shift === 0 ? stayMargin * primer.length : 0))
  const onKeyboard = KEY_SHIFTS.map((shift) => staysOnKeyboard(primer, shift))
  const shift = bestShift(KEY_SHIFTS, scores.map((score, i) => score + bonus[i]!), onKeyboard.some(Boolean) ? onKeyboard : onKeyboard.map(() => true))
  return { ...keyOfShift(shift, transposeFrames(primer, shift)), transpose: shift, chosenBy: 'model' }
}

/** The key the primer is heard in, by `choice`. */
export async function chooseKey(model: StepModel, request: ContinueRequest, choice: KeyChoice, stayMargin: number): Promise<KeyUsed> {
  if (choice === 'none') return AS_WRITTEN
  if (choice === 'profile') return profileKey(primerNotes(request).notes)
  return modelKey(model, request, stayMargin)
}
