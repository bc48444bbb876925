import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The model worker is its own entry: main starts it as a worker thread (src/engine/host.ts).
        input: { index: resolve('src/main/index.ts'), modelWorker: resolve('src/engine/worker.ts') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be a single CommonJS file that requires only 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [svelte()],
    // The renderer reaches the plain data types and pure functions it shares with main as $shared/…
    resolve: { alias: { $shared: resolve('src/shared') } },
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
})
