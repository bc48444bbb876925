/** The model worker's TypeScript source, for running it under plain Node (the CLI, tests, benchmarks). */
export const workerSourceEntry = new URL('./worker.ts', import.meta.url)
