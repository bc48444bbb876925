import type { AppApi } from '../../src/shared/ipc/index.ts'

declare global {
  interface Window {
    /** The preload's bridge, as the page sees it (see src/renderer/src/env.d.ts). */
    api: AppApi
  }
}
