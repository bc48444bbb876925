import type { z } from 'zod'
import { appSchemas, type AppEvents, type AppInfo, type AppResponses, type MenuCommand, type ModelStatus } from './ipc/app.ts'
import { continueSchemas, type ContinueEvents, type ContinueProgress, type ContinueRequestInput, type ContinueResponses } from './ipc/continue.ts'
import type { Result } from './ipc/result.ts'

/**
 * The IPC contract between the renderer and the main process: every channel's name, the schema its
 * request must pass (checked in main, sizes bounded), and the shape of its answer. Everything here is
 * plain data that crosses IPC by structured clone unchanged. Each group of channels lives in ipc/.
 */
export * from './ipc/app.ts'
export * from './ipc/continue.ts'
export * from './ipc/result.ts'

/** Request schemas, one per invoke channel. */
export const requestSchemas = { ...appSchemas, ...continueSchemas } as const

/** The invoke channels (renderer asks, main answers). */
export type InvokeChannel = keyof typeof requestSchemas

/** The validated request type of each invoke channel. */
export type RequestOf<C extends InvokeChannel> = z.output<(typeof requestSchemas)[C]>

/** The success payload of each invoke channel. */
export interface ResponseMap extends AppResponses, ContinueResponses {}

/** The full answer of each invoke channel. */
export type ResponseOf<C extends InvokeChannel> = Result<ResponseMap[C]>

/** Every invoke channel's name. */
export const invokeChannels = Object.keys(requestSchemas) as InvokeChannel[]

/** Events main sends to the renderer, with their payloads. */
export interface EventMap extends AppEvents, ContinueEvents {}

/** The event channels (main tells, renderer listens). */
export type EventChannel = keyof EventMap

/** Every event channel's name. */
export const eventChannels: EventChannel[] = ['menu:command', 'model:status', 'model:progress']

/** The API the preload exposes as `window.api`: one function per channel. */
export interface AppApi {
  /** The app version, platform and model status (with the active TensorFlow.js backend). */
  info(): Promise<ResponseOf<'app:info'>>
  /** Continues the selected bars: one candidate per variation, placed right after the selection. */
  continue(request: ContinueRequestInput): Promise<ResponseOf<'model:continue'>>
  /** Stops the generation with this id within one step; its continue() answers with an error. */
  cancelContinue(requestId: string): Promise<ResponseOf<'model:cancel'>>
  /** Calls `listener` with each command chosen in the application menu; returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Calls `listener` whenever the model's status changes; returns an unsubscribe. */
  onModelStatus(listener: (status: ModelStatus) => void): () => void
  /** Calls `listener` with the progress of running generations; returns an unsubscribe. */
  onContinueProgress(listener: (progress: ContinueProgress) => void): () => void
}

export type { AppInfo }
