import { z } from 'zod'

/**
 * The IPC contract between the renderer and the main process: every channel's name, the schema its
 * request must pass (checked in main, sizes bounded), and the shape of its answer. Everything here is
 * plain data that crosses IPC by structured clone unchanged.
 */

/** An answer the UI can show: the payload on success, a plain-words error otherwise. */
export type Result<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string }

/** A TensorFlow.js backend choice, fastest first. */
export type BackendChoice = 'node-gpu' | 'node' | 'wasm' | 'cpu'

/** Which backend runs the model and why the faster ones were passed over. */
export interface BackendInfo {
  active: BackendChoice
  tfBackend: string
  skipped: { choice: BackendChoice; reason: string }[]
}

/** The model host's state, as the status bar shows it. */
export type ModelStatus =
  | { state: 'loading' }
  | { state: 'ready'; backend: BackendInfo }
  | { state: 'error'; error: string; backend?: BackendInfo }

/** What `app:info` answers. */
export interface AppInfo {
  version: string
  platform: string
  model: ModelStatus
}

/** Request schemas, one per invoke channel. */
export const requestSchemas = {
  'app:info': z.undefined(),
} as const

/** The invoke channels (renderer asks, main answers). */
export type InvokeChannel = keyof typeof requestSchemas

/** The request type of each invoke channel. */
export type RequestOf<C extends InvokeChannel> = z.infer<(typeof requestSchemas)[C]>

/** The success payload of each invoke channel. */
export interface ResponseMap {
  'app:info': AppInfo
}

/** The full answer of each invoke channel. */
export type ResponseOf<C extends InvokeChannel> = Result<ResponseMap[C]>

/** Every invoke channel's name. */
export const invokeChannels = Object.keys(requestSchemas) as InvokeChannel[]

/** Commands the application menu sends to the editor. */
export const menuCommands = [
  'file:new',
  'file:open',
  'file:save',
  'file:saveAs',
  'file:exportMidi',
  'edit:undo',
  'edit:redo',
  'edit:cut',
  'edit:copy',
  'edit:paste',
  'edit:duplicate',
  'edit:delete',
  'edit:selectAll',
  'view:zoomIn',
  'view:zoomOut',
  'view:fit',
  'model:continue',
  'help:shortcuts',
  'help:about',
] as const

/** One menu command. */
export type MenuCommand = (typeof menuCommands)[number]

/** Events main sends to the renderer, with their payloads. */
export interface EventMap {
  'menu:command': MenuCommand
  'model:status': ModelStatus
}

/** The event channels (main tells, renderer listens). */
export type EventChannel = keyof EventMap

/** Every event channel's name. */
export const eventChannels: EventChannel[] = ['menu:command', 'model:status']

/** The API the preload exposes as `window.api`: one function per channel. */
export interface AppApi {
  /** The app version, platform and model status (with the active TensorFlow.js backend). */
  info(): Promise<ResponseOf<'app:info'>>
  /** Calls `listener` with each command chosen in the application menu; returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Calls `listener` whenever the model's status changes; returns an unsubscribe. */
  onModelStatus(listener: (status: ModelStatus) => void): () => void
}

/** Formats a schema failure as one line naming the channel and the first problems. */
export function describeInvalid(channel: string, error: z.ZodError): string {
  const problems = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'request'
    return `${where}: ${issue.message}`
  })
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''
  return `invalid ${channel} request: ${problems.join('; ')}${more}`
}
