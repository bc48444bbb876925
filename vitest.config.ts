import { fileURLToPath } from 'node:url'
import { configDefaults, defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'

// Unit and property tests live beside the code they test (src/**/*.test.ts).
// End-to-end tests under test/e2e have their own config (vitest.e2e.config.ts).
// Runes classes (state/*.svelte.ts) are tested in *.svelte.test.ts files, as the Svelte testing docs
// show: the Svelte plugin compiles runes, and the browser condition loads Svelte's client runtime. Their
// environment (test/helpers/runesEnvironment.ts) is Node prepared as a client, so the plugin compiles
// for the client, where $derived and $effect react; every other test runs on plain Node.
export default defineConfig({
  resolve: { alias: { $shared: fileURLToPath(new URL('./src/shared', import.meta.url)) } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'src/**/*.svelte.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'runes',
          include: ['src/renderer/**/*.svelte.test.ts'],
          environment: './test/helpers/runesEnvironment.ts',
        },
      },
    ],
  },
})
