import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ModelSummary } from '../../shared/ipc.ts'
import { loadCheckpoint } from '../model/checkpoint.ts'
import { TfStepModel } from './tfStepModel.ts'

/**
 * Loads a checkpoint folder as a StepModel, with errors that say what is wrong with the folder
 * (missing, incomplete, or not one of ours) rather than a stack from deep inside the loader.
 */
export async function loadStepModel(dir: string): Promise<{ model: TfStepModel; summary: ModelSummary }> {
  if (!existsSync(dir)) throw new Error(`no model folder at ${dir}`)
  if (!existsSync(join(dir, 'config.json'))) throw new Error(`the model folder ${dir} has no config.json`)
  let loaded: ReturnType<typeof loadCheckpoint>
  try {
    loaded = loadCheckpoint(dir)
  } catch (error) {
    throw new Error(`the model in ${dir} cannot be loaded: ${error instanceof Error ? error.message : String(error)}`)
  }
  const { config, weights } = loaded
  if (config.inputKeys !== 88 || config.lowestMidi !== 21) throw new Error(`the model in ${dir} is not an 88-key piano model`)
  return {
    model: new TfStepModel(weights, config.stepsPerQuarter),
    summary: { name: basename(dir), stepsPerQuarter: config.stepsPerQuarter, hiddenSizes: [...config.hiddenSizes] },
  }
}
