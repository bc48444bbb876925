import { defaultConfig } from '../../src/model/config.ts'
import { saveCheckpoint } from '../../src/model/checkpoint.ts'
import { disposeWeights, initWeights } from '../../src/model/weights.ts'

/**
 * Writes a tiny untrained checkpoint (2 x 16 LSTM, an eighth note per frame) to `dir`: the real
 * format and loading path, small and fast enough for tests. Its notes are random, not music.
 */
export async function createTinyCheckpoint(dir: string, options: { hidden?: number; seed?: number } = {}): Promise<void> {
  const hidden = options.hidden ?? 16
  const config = defaultConfig({ hiddenSizes: [hidden, hidden] })
  config.training.notes = 'untrained test checkpoint'
  const weights = initWeights(config, options.seed ?? 1)
  try {
    await saveCheckpoint(dir, config, weights, 'float32')
  } finally {
    disposeWeights(weights)
  }
}
