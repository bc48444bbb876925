import type { AppInfo, ModelStatus } from '$shared/ipc/index.ts'

/** What the status bar shows: the app version and the model's state with its backend. */
export class AppStatus {
  #version = $state<string | undefined>(undefined)
  #model = $state.raw<ModelStatus>({ state: 'loading' })
  #error = $state<string | undefined>(undefined)

  /** The app's version, once main has answered. */
  get version(): string | undefined {
    return this.#version
  }

  /** The model host's latest status. */
  get model(): ModelStatus {
    return this.#model
  }

  /** A problem reaching main, in plain words. */
  get error(): string | undefined {
    return this.#error
  }

  /** Asks main for app:info and follows model status events; returns the teardown. */
  connect(api: Pick<Window['api'], 'info' | 'onModelStatus'>): () => void {
    const unsubscribe = api.onModelStatus((status) => {
      this.#model = status
    })
    api.info().then(
      (info) => (info.ok ? this.#apply(info) : (this.#error = info.error)),
      (error: unknown) => (this.#error = error instanceof Error ? error.message : String(error)),
    )
    return unsubscribe
  }

  #apply(info: AppInfo): void {
    this.#version = info.version
    // An event may already have brought a newer state than the answer's snapshot.
    if (this.#model.state === 'loading') this.#model = info.model
  }
}
