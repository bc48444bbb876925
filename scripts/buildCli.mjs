#!/usr/bin/env node
// Builds the command-line tool into out/cli: the CLI and its two worker threads as ES modules, split into
// shared chunks so that `--help` loads none of TensorFlow.js. `npm install` runs this (the `prepare`
// script), so bin/neural-piano.mjs runs without tsx from any folder.
//
//   node scripts/buildCli.mjs                 dependencies stay in node_modules (the normal build)
//   node scripts/buildCli.mjs --standalone D  everything bundled into folder D, with the wasm binaries beside
//                                             it: runs where only `node` exists (a GPU machine; see
//                                             scripts/gpuPack.sh). `webgpu` (Dawn's native binding) and the
//                                             native tfjs packages stay external: they come from NODE_PATH.
import { build } from 'esbuild'
import { copyFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const standalone = args[0] === '--standalone'
const outdir = standalone ? resolve(args[1] ?? join(root, 'out/cli-standalone')) : join(root, 'out/cli')

/** The bundle's worker entries are its own built files, not the TypeScript sources. */
const builtWorkers = {
  name: 'built-workers',
  setup(b) {
    b.onResolve({ filter: /\/workers\/entries\.ts$/ }, () => ({ path: 'workers/entries', namespace: 'built-workers' }))
    b.onLoad({ filter: /.*/, namespace: 'built-workers' }, () => ({
      contents: [
        "export const modelWorkerEntry = new URL('./modelWorker.js', import.meta.url)",
        "export const trainWorkerEntry = new URL('./trainWorker.js', import.meta.url)",
      ].join('\n'),
      loader: 'js',
    }))
  },
}

rmSync(outdir, { recursive: true, force: true })
const started = performance.now()
await build({
  absWorkingDir: root,
  entryPoints: {
    'neural-piano': 'src/cli/main.ts',
    modelWorker: 'src/engine/worker.ts',
    trainWorker: 'src/training/trainWorker.ts',
    // Where no tsx exists (a GPU machine), the benchmarks run from the bundle too.
    ...(standalone ? { 'bench-train': 'bench/train.ts', 'bench-generate': 'bench/generate.ts' } : {}),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Flat: every file sits at out/cli/*.js, as deep as src/cli/*.ts, so paths relative to a module
  // (the shipped checkpoint at ../../resources/model) hold in both.
  chunkNames: '[name]-[hash]',
  sourcemap: standalone ? false : 'linked',
  // The standalone build travels to a GPU machine within a 64 MiB limit.
  minify: standalone,
  logLevel: 'warning',
  plugins: [builtWorkers],
  ...(standalone
    ? {
        external: ['webgpu', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'],
        // Bundled CommonJS packages (tfjs-backend-wasm) look for __dirname and require.
        banner: {
          js: [
            "import { createRequire as __npCreateRequire } from 'node:module'",
            "import { fileURLToPath as __npFileURLToPath } from 'node:url'",
            'const require = __npCreateRequire(import.meta.url)',
            "const __dirname = __npFileURLToPath(new URL('.', import.meta.url))",
          ].join('\n'),
        },
      }
    : { packages: 'external' }),
})
if (standalone) {
  const wasmDist = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))
  // Node runs the SIMD build (the plain one is the fallback); the threaded one needs a browser's SharedArrayBuffer setup.
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) {
    copyFileSync(join(wasmDist, file), join(outdir, file))
  }
}
console.log(`neural-piano CLI built into ${outdir} in ${Math.round(performance.now() - started)} ms`)
