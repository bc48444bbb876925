/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { AppApi } from '$shared/ipc/index.ts'

declare global {
  interface Window {
    /** The preload's typed bridge to the main process: one function per IPC channel. */
    api: AppApi
  }
}
