import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { invokeChannels } from '../shared/ipc/index.ts'
import type { Dispatch } from '../services/dispatch.ts'

/**
 * Registers one handler per invoke channel. Each checks that the message comes from the app's own
 * page in the main frame, then validates and dispatches it; nothing a renderer sends can crash main.
 */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: `${channel}: refused a message from an untrusted sender` }
      return dispatch(channel, payload)
    })
  }
}
