import { shortcutFor, type ActionId } from './shortcuts.ts'

/** True on macOS, where shortcuts read ⌘ rather than Ctrl. */
export const isMac = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac')

/** A tooltip naming an action's shortcut as this platform writes it, e.g. "Save (Ctrl+S)". */
export function tip(text: string, action: ActionId): string {
  return `${text} (${shortcutFor(action, isMac)})`
}
