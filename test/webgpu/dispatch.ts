// How much one tfjs op costs on the host under WebGPU (tiny tensors: no arithmetic to speak of).
import * as tf from '../../src/model/tf.ts'
import { chooseBackend } from '../../src/model/backend.ts'
await chooseBackend('webgpu')
const a = tf.ones([4, 4])
let x = tf.zeros([4, 4])
await x.data()
for (const n of [200, 2000]) {
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    const y = tf.add(x, a)
    x.dispose()
    x = y
  }
  await x.data()
  console.log(`${n} adds: ${((performance.now() - t0) / n * 1000).toFixed(1)} us per op`)
}
process.exit(0)
