import type { Environment } from 'vitest/environments'

/**
 * Node, with modules prepared as for the browser: Svelte compiles runes for its client runtime and
 * packages resolve to their browser entries, so $state, $derived and $effect react as in the app.
 */
export default {
  name: 'runes',
  viteEnvironment: 'client',
  setup() {
    return { teardown() {} }
  },
} satisfies Environment
