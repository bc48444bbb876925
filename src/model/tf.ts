/**
 * TensorFlow.js as the model code uses it: the core API with the plain CPU backend registered as the
 * fallback. Not the `@tensorflow/tfjs` union package, whose layers, converter and data parts the model
 * never uses and which take a third of a second to load (the CLI's `info` starts faster without them).
 * Tests that check gradients against tf.grads import `@tensorflow/tfjs` for its gradient registrations.
 */
import { version_cpu } from '@tensorflow/tfjs-backend-cpu'

export * from '@tensorflow/tfjs-core'

/** The CPU backend's version. Importing a name (not just the module) keeps bundlers from dropping the import, whose side effect registers the backend. */
export const cpuBackendVersion: string = version_cpu
