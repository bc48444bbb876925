// A data-parallel training worker: one TensorFlow.js backend in its own thread, computing the gradients
// of its lanes of every block and scoring its share of the validation pieces. See shardPool.ts.
import { parentPort } from 'node:worker_threads'
import * as tf from '../model/tf.ts'
import { selectBackend } from '../model/backend.ts'
import type { PianoRollSet } from './data.ts'
import { evaluateSequences } from './evaluate.ts'
import { headsOfConfig } from '../model/heads/index.ts'
import { ShardTrainer } from './shard.ts'
import type { FromShard, NamedArrays, ToShard } from './shardProtocol.ts'
import { disposeWeights, weightShapes, weightsFromMap, type NetworkWeights } from '../model/weights.ts'

const port = parentPort
if (!port) throw new Error('trainWorker.ts runs only as a worker thread')

let trainer: ShardTrainer | null = null
let valid: PianoRollSet[] = []
let weights: NetworkWeights | null = null

async function handle(message: ToShard): Promise<{ reply: FromShard; transfer?: ArrayBuffer[] }> {
  switch (message.type) {
    case 'init': {
      const report = await selectBackend(message.backend)
      valid = message.valid
      trainer = new ShardTrainer(message.spec)
      return { reply: { type: 'ready', backend: report.active } }
    }
    case 'weights': {
      if (!trainer) throw new Error('weights before init')
      if (weights) disposeWeights(weights)
      const shapes = weightShapes(trainer.spec.config)
      weights = weightsFromMap(
        trainer.spec.config,
        new Map(message.weights.map(([name, values]) => [name, tf.tensor(values, shapes.get(name) ?? [values.length])])),
      )
      return { reply: { type: 'weights' } }
    }
    case 'step': {
      if (!trainer || !weights) throw new Error('step before init and weights')
      const out = await trainer.step(weights, message.epoch, message.block)
      const grads: NamedArrays = []
      // A copy that owns its buffer, so that it can be transferred (some backends hand out their own storage).
      for (const [name, g] of out.grads) grads.push([name, ((await g.data()) as Float32Array).slice()])
      tf.dispose([...out.grads.values()])
      return {
        reply: { type: 'step', loss: out.loss, headLosses: out.headLosses, scored: out.scored, grads },
        transfer: grads.map(([, v]) => v.buffer as ArrayBuffer),
      }
    }
    case 'evaluate': {
      if (!weights || !trainer) throw new Error('evaluate before weights')
      const set = valid[message.set]
      if (!set) throw new Error(`no validation set ${message.set}`)
      const score = await evaluateSequences(
        weights,
        message.pieces.map((i) => set.sequences[i] ?? []),
        headsOfConfig(trainer.spec.config),
      )
      return { reply: { type: 'evaluate', score } }
    }
  }
}

// Messages are handled strictly one after another: a step must see the weights sent before it.
let queue = Promise.resolve()
port.on('message', (message: ToShard) => {
  queue = queue.then(async () => {
    try {
      const result = await handle(message)
      port.postMessage(result.reply, result.transfer ?? [])
    } catch (error) {
      port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FromShard)
    }
  })
})
