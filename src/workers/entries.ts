/**
 * The worker threads' entries under plain Node (the CLI in development, tests, benchmarks): their
 * TypeScript sources. The bundled CLI (scripts/buildCli.mjs) swaps this module for one that names its
 * built `modelWorker.js` and `trainWorker.js`; the Electron app passes its own bundle's path.
 */
export const modelWorkerEntry = new URL('../engine/worker.ts', import.meta.url)

/** The data-parallel training worker. */
export const trainWorkerEntry = new URL('../training/trainWorker.ts', import.meta.url)
