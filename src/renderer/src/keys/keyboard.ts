import type { MenuCommand } from '$shared/ipc/app.ts'
import { MENU_ACTIONS, matchShortcut, type ActionId } from './shortcuts.ts'

/** Editing commands a text field handles itself when it has focus. */
const TEXT_EDITING: ReadonlySet<ActionId> = new Set(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'])

/** True when the key press belongs to a form field (typing a tempo, a seed…), not to the editor. */
export function inTextField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'range' && (target as HTMLInputElement).type !== 'checkbox') ||
    target.tagName === 'SELECT'
  )
}

/** True inside an open modal dialog (About, shortcuts help): its keys (Escape, Tab, Enter) are its own. */
export function inOpenDialog(target: EventTarget | null): boolean {
  const element = target as { closest?: (selector: string) => unknown } | null
  return typeof element?.closest === 'function' && element.closest('dialog[open]') !== null
}

/**
 * Routes key presses and menu commands to actions. Electron's menu accelerators and the page's keydown
 * can both see one press, so a menu command that repeats the key just handled is dropped.
 */
export function connectKeyboard(
  run: (action: ActionId) => void,
  about: () => void,
): {
  keydown(event: KeyboardEvent): void
  menu(command: MenuCommand): void
} {
  let last: { action: ActionId; at: number; from: 'key' | 'menu' } | undefined
  // True when the other source just ran this action: one press seen twice, not two presses.
  const repeats = (action: ActionId, source: 'key' | 'menu') =>
    last !== undefined && last.from !== source && last.action === action && performance.now() - last.at < 300
  return {
    keydown(event) {
      const shortcut = matchShortcut(event)
      if (!shortcut || inOpenDialog(event.target)) return
      if (inTextField(event.target) && (!shortcut.mod || TEXT_EDITING.has(shortcut.action))) return
      event.preventDefault()
      if (repeats(shortcut.action, 'key')) return
      last = { action: shortcut.action, at: performance.now(), from: 'key' }
      run(shortcut.action)
    },
    menu(command) {
      const action = MENU_ACTIONS[command]
      if (action === 'about') return about()
      if (repeats(action, 'menu')) return
      last = { action, at: performance.now(), from: 'menu' }
      if (TEXT_EDITING.has(action) && typeof document !== 'undefined' && inTextField(document.activeElement)) {
        // The menu's click handlers replace Chromium's own editing: do it for the focused field.
        // The Delete key deletes forwards ('delete' would act like Backspace).
        document.execCommand(action === 'delete' ? 'forwardDelete' : action)
        return
      }
      run(action)
    },
  }
}
