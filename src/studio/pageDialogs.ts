import type { Dialogs } from '../services/files/dialogs.ts'

/**
 * The browser mode's Dialogs: the page shows the file pickers and asks about unsaved changes itself
 * (src/renderer/src/platform/webApi.ts), and the server never picks a path. So each dialog here
 * answers as a user who closed it would: a request that slips past the page's question loses nothing.
 */
export const pageDialogs: Dialogs = {
  showOpen: async () => undefined,
  showSave: async () => undefined,
  confirmClose: async () => 'cancel',
}
