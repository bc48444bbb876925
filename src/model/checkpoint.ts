import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as tf from './tf.ts'
import type { ModelConfig } from './config.ts'
import { toFloat16Bits } from './float16.ts'
import { namedWeights, weightNames, weightsFromMap, type NetworkWeights } from './weights.ts'

/** How weights are stored: float16 halves the size (the shipped default), float32 round-trips exactly. */
export type StorageType = 'float16' | 'float32'

/** tfjs's shard size, so that the folder looks like any tfjs model's. */
const SHARD_BYTES = 4 * 1024 * 1024

interface ManifestEntry {
  name: string
  shape: number[]
  dtype: 'float32'
  quantization?: { dtype: 'float16' }
}

/** The weights manifest (model.json) in tfjs's format. */
export interface WeightsFile {
  format: 'neural-piano-weights'
  weightsManifest: { paths: string[]; weights: ManifestEntry[] }[]
}

/** Writes name -> tensor as model.json plus group1-shardNofM.bin files in `dir` (created if missing). */
export async function saveNamedTensors(dir: string, tensors: Map<string, tf.Tensor>, storage: StorageType): Promise<void> {
  mkdirSync(dir, { recursive: true })
  const entries: ManifestEntry[] = []
  const parts: Uint8Array[] = []
  for (const [name, tensor] of tensors) {
    const values = (await tensor.data()) as Float32Array
    const bytes =
      storage === 'float16'
        ? new Uint8Array(toFloat16Bits(values).buffer)
        : new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength))
    entries.push({
      name,
      shape: tensor.shape,
      dtype: 'float32',
      ...(storage === 'float16' ? { quantization: { dtype: 'float16' as const } } : {}),
    })
    parts.push(bytes)
  }
  const all = Buffer.concat(parts)
  const count = Math.max(1, Math.ceil(all.length / SHARD_BYTES))
  const paths = Array.from({ length: count }, (_, i) => `group1-shard${i + 1}of${count}.bin`)
  for (const old of readdirSync(dir)) if (/^group1-shard\d+of\d+\.bin$/.test(old) && !paths.includes(old)) rmSync(join(dir, old))
  // Write to temporary names and rename, so that an interruption never leaves a half-written shard.
  paths.forEach((path, i) => {
    writeFileSync(join(dir, `${path}.tmp`), all.subarray(i * SHARD_BYTES, (i + 1) * SHARD_BYTES))
    renameSync(join(dir, `${path}.tmp`), join(dir, path))
  })
  const manifest: WeightsFile = { format: 'neural-piano-weights', weightsManifest: [{ paths, weights: entries }] }
  writeJsonAtomic(join(dir, 'model.json'), manifest)
}

/** Reads what saveNamedTensors wrote (or any single-group tfjs weights manifest) as float32 tensors. */
export function loadNamedTensors(dir: string): Map<string, tf.Tensor> {
  const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as WeightsFile
  const map = new Map<string, tf.Tensor>()
  for (const group of manifest.weightsManifest) {
    const buffer = Buffer.concat(group.paths.map((p) => readFileSync(join(dir, p))))
    const data = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)
    const decoded = tf.io.decodeWeights(data, group.weights)
    for (const [name, tensor] of Object.entries(decoded)) map.set(name, tensor)
  }
  return map
}

/** Writes JSON through a temporary file and a rename. */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(value, null, 2)}\n`)
  renameSync(`${path}.tmp`, path)
}

/** Saves a checkpoint folder: config.json + model.json + shards. */
export async function saveCheckpoint(
  dir: string,
  config: ModelConfig,
  weights: NetworkWeights,
  storage: StorageType = 'float16',
): Promise<void> {
  await saveNamedTensors(dir, namedWeights(weights), storage)
  writeJsonAtomic(join(dir, 'config.json'), config)
}

/** Reads a checkpoint's config.json alone (cheap: no weights); throws when it is not one of ours. */
export function loadCheckpointConfig(dir: string): ModelConfig {
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as ModelConfig
  if (config.format !== 'neural-piano-lstm/1') throw new Error(`${dir}/config.json: unknown format ${String(config.format)}`)
  return config
}

/** Loads a checkpoint folder; throws with the reason when the folder is not one of ours. */
export function loadCheckpoint(dir: string): { config: ModelConfig; weights: NetworkWeights } {
  const config = loadCheckpointConfig(dir)
  const map = loadNamedTensors(dir)
  const weights = weightsFromMap(config, map)
  const used = new Set(weightNames(config))
  tf.dispose([...map].filter(([name]) => !used.has(name)).map(([, t]) => t))
  return { config, weights }
}
