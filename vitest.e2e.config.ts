import { defineConfig } from 'vitest/config'

// End-to-end tests: the built app (npm run build) in real Chromium and under a stand-in Electron.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
