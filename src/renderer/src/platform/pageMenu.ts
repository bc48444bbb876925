import type { MenuCommand } from '$shared/ipc/app.ts'

/** One menu of the in-page menu bar, its items in order. */
export interface PageMenuGroup {
  label: string
  items: { label: string; command: MenuCommand }[]
}

/**
 * The browser mode's menus: the commands of Electron's application menu (src/main/menu.ts), as the
 * page shows them; each runs through the same `menu:command` routing (keys/keyboard.ts).
 */
export const PAGE_MENU: readonly PageMenuGroup[] = [
  {
    label: 'File',
    items: [
      { label: 'New', command: 'file:new' },
      { label: 'Open…', command: 'file:open' },
      { label: 'Save', command: 'file:save' },
      { label: 'Save As…', command: 'file:saveAs' },
      { label: 'Export MIDI…', command: 'file:exportMidi' },
    ],
  },
  {
    label: 'Edit',
    items: [
      { label: 'Undo', command: 'edit:undo' },
      { label: 'Redo', command: 'edit:redo' },
      { label: 'Cut', command: 'edit:cut' },
      { label: 'Copy', command: 'edit:copy' },
      { label: 'Paste', command: 'edit:paste' },
      { label: 'Duplicate', command: 'edit:duplicate' },
      { label: 'Delete', command: 'edit:delete' },
      { label: 'Select All', command: 'edit:selectAll' },
    ],
  },
  {
    label: 'View',
    items: [
      { label: 'Zoom In', command: 'view:zoomIn' },
      { label: 'Zoom Out', command: 'view:zoomOut' },
      { label: 'Fit Song', command: 'view:fit' },
    ],
  },
  { label: 'Model', items: [{ label: 'Continue Selection', command: 'model:continue' }] },
  {
    label: 'Help',
    items: [
      { label: 'Keyboard Shortcuts', command: 'help:shortcuts' },
      { label: 'About Neural Piano', command: 'help:about' },
    ],
  },
]
