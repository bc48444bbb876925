import type { AppInfo, ModelStatus } from '../../../shared/ipc/index.ts'

/** What the status bar shows: the app version and the model's state with its backend. */
export class AppStatus {
  /** The app's version, once main has answered. */
  version = $state<string | undefined>(undefined)
  /** The model host's latest status. */
  model = $state<ModelStatus>({ state: 'loading' })
  /** A problem reaching main, in plain words. */
  error = $state<string | undefined>(undefined)

  /** Asks main for app:info and follows model status events; returns the teardown. */
  connect(api: Window['api']): () => void {
    const unsubscribe = api.onModelStatus((status) => {
      this.model = status
    })
    api.info().then(
      (info) => (info.ok ? this.apply(info) : (this.error = info.error)),
      (error: unknown) => (this.error = error instanceof Error ? error.message : String(error)),
    )
    return unsubscribe
  }

  private apply(info: AppInfo): void {
    this.version = info.version
    // An event may already have brought a newer state than the answer's snapshot.
    if (this.model.state === 'loading') this.model = info.model
  }
}
