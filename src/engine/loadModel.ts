import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ModelSummary } from '../shared/ipc/index.ts'
import { LstmModel } from '../model/inference.ts'
import { TfStepModel } from './tfStepModel.ts'
import { headsOf } from '../model/config.ts'
import { KEYS, LOWEST_MIDI } from '../shared/music/constants.ts'

/**
 * Loads a checkpoint folder as a StepModel, with errors that say what is wrong with the folder
 * (missing, incomplete, or not one of ours) rather than a stack from deep inside the loader.
 */
export async function loadStepModel(dir: string): Promise<{ model: TfStepModel; summary: ModelSummary }> {
  if (!existsSync(dir)) throw new Error(`no model folder at ${dir}`)
  if (!existsSync(join(dir, 'config.json'))) throw new Error(`the model folder ${dir} has no config.json`)
  let model: LstmModel
  try {
    model = LstmModel.load(dir)
  } catch (error) {
    throw new Error(`the model in ${dir} cannot be loaded: ${error instanceof Error ? error.message : String(error)}`)
  }
  const config = model.config
  if (config.inputKeys !== KEYS || config.lowestMidi !== LOWEST_MIDI) {
    model.dispose()
    throw new Error(`the model in ${dir} is not an 88-key piano model`)
  }
  return {
    model: new TfStepModel(model),
    summary: { name: basename(dir), stepsPerQuarter: config.stepsPerQuarter, hiddenSizes: [...config.hiddenSizes], heads: headsOf(config) },
  }
}
