import { defineConfig } from 'vitest/config'

// Unit and property tests live beside the code they test (src/**/*.test.ts).
// End-to-end tests under test/e2e have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
