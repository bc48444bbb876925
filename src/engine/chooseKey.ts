import type { ContinueRequest, KeyChoice, KeyUsed } from '../shared/ipc/index.ts'
import { barsToFrames, KEYS, type Frame } from '../shared/music/index.ts'
import { AS_WRITTEN, primerNotes, profileKey, transposeFrames } from './plan.ts'
import type { StepModel } from './stepModel.ts'
import { bestShift, KEY_SHIFTS, keyOfShift, staysOnKeyboard } from './decoding/keyChoice.ts'

/** The primer in the song's key, one frame per model step. */
function primerFrames(model: StepModel, request: ContinueRequest): Frame[] {
  const { notes, range, meter } = primerNotes(request)
  return barsToFrames(notes, meter, range, model.stepsPerQuarter)
}

/**
 * The model's log-likelihood of the primer moved by each of `shifts`, all in one batch, with
 * `stayMargin` nats per frame of head start for 0 (as written).
 */
async function shiftScores(
  model: StepModel,
  request: ContinueRequest,
  primer: readonly Frame[],
  shifts: readonly number[],
  stayMargin: number,
): Promise<number[]> {
  const input = new Float32Array(shifts.length * primer.length * KEYS)
  shifts.forEach((shift, b) => {
    transposeFrames(primer, shift).forEach((frame, t) => {
      for (const key of frame) input[(b * primer.length + t) * KEYS + key] = 1
    })
  })
  const scores = await model.logLikelihoods(input, primer.length, shifts.length, request.head)
  return scores.map((score, i) => score + (shifts[i] === 0 ? stayMargin * primer.length : 0))
}

/**
 * Scores the primer under every shift of KEY_SHIFTS in one batch and returns the key of the shift the
 * model finds most likely (among those that keep every note on the keyboard). The shift 0 gets
 * `stayMargin` nats per frame of head start, so that a primer already in C stays put.
 */
export async function modelKey(model: StepModel, request: ContinueRequest, stayMargin: number): Promise<KeyUsed> {
  const primer = primerFrames(model, request)
  if (primer.length === 0) return AS_WRITTEN
  const scores = await shiftScores(model, request, primer, KEY_SHIFTS, stayMargin)
  const onKeyboard = KEY_SHIFTS.map((shift) => staysOnKeyboard(primer, shift))
  const shift = bestShift(KEY_SHIFTS, scores, onKeyboard.some(Boolean) ? onKeyboard : onKeyboard.map(() => true))
  return { ...keyOfShift(shift, transposeFrames(primer, shift)), transpose: shift, chosenBy: 'model' }
}

/**
 * A key profile proposes a shift; the model keeps it only when it finds the primer more likely moved
 * than as written by `stayMargin` nats per frame (both scored in one batch; nothing to score when the
 * profile proposes none). Either way the key named is the profile's.
 */
export async function confirmedKey(model: StepModel, request: ContinueRequest, stayMargin: number): Promise<KeyUsed> {
  const proposed = profileKey(primerNotes(request).notes)
  const primer = primerFrames(model, request)
  if (proposed.transpose === 0 || primer.length === 0 || !staysOnKeyboard(primer, proposed.transpose))
    return { ...proposed, chosenBy: 'auto' }
  const [stay, move] = await shiftScores(model, request, primer, [0, proposed.transpose], stayMargin)
  // Kept as written, the bars are still in the key the profile heard: name it, not the C it was not moved to.
  return { ...proposed, transpose: move! > stay! ? proposed.transpose : 0, chosenBy: 'auto' }
}

/** The key the primer is heard in, by `choice` (see KEY_CHOICES). */
export async function chooseKey(model: StepModel, request: ContinueRequest, choice: KeyChoice, stayMargin: number): Promise<KeyUsed> {
  if (choice === 'none') return AS_WRITTEN
  if (choice === 'profile') return profileKey(primerNotes(request).notes)
  if (choice === 'auto') return confirmedKey(model, request, stayMargin)
  return modelKey(model, request, stayMargin)
}
