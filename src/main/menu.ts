import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/ipc/index.ts'

/**
 * The application menu. Editor commands go to the renderer as `menu:command` events, so the menu and
 * the keyboard shortcuts run the same code; accelerators here are what the menus show.
 */
export function buildMenuTemplate(
  send: (command: MenuCommand) => void,
  platform: NodeJS.Platform,
  isDev: boolean,
): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command),
  })
  const isMac = platform === 'darwin'
  // Single-key shortcuts are the page's own (keys/shortcuts.ts): shown in the menu but not registered, so
  // typing R or K in a text field stays typing. macOS would register them anyway, so it shows none.
  const pageKey = (label: string, command: MenuCommand, key: string): MenuItemConstructorOptions =>
    isMac ? item(label, command) : { ...item(label, command, key), registerAccelerator: false }
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        item('New', 'file:new', 'CmdOrCtrl+N'),
        item('Open…', 'file:open', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('Save', 'file:save', 'CmdOrCtrl+S'),
        item('Save As…', 'file:saveAs', 'CmdOrCtrl+Shift+S'),
        item('Export MIDI…', 'file:exportMidi', 'CmdOrCtrl+E'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'edit:undo', 'CmdOrCtrl+Z'),
        item('Redo', 'edit:redo', isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y'),
        { type: 'separator' },
        item('Cut', 'edit:cut', 'CmdOrCtrl+X'),
        item('Copy', 'edit:copy', 'CmdOrCtrl+C'),
        item('Paste', 'edit:paste', 'CmdOrCtrl+V'),
        item('Duplicate', 'edit:duplicate', 'CmdOrCtrl+D'),
        item('Delete', 'edit:delete', 'Delete'),
        item('Select All', 'edit:selectAll', 'CmdOrCtrl+A'),
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Zoom In', 'view:zoomIn', 'CmdOrCtrl+='),
        item('Zoom Out', 'view:zoomOut', 'CmdOrCtrl+-'),
        item('Fit Song', 'view:fit', 'CmdOrCtrl+0'),
        ...(isDev ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const, { role: 'reload' } as const] : []),
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Transport',
      submenu: [pageKey('Record', 'transport:record', 'R'), pageKey('Metronome', 'transport:metronome', 'K')],
    },
    {
      label: 'Model',
      submenu: [item('Continue Selection', 'model:continue', 'CmdOrCtrl+Enter')],
    },
    {
      role: 'help',
      submenu: [item('Keyboard Shortcuts', 'help:shortcuts', 'CmdOrCtrl+/'), item('About Neural Piano', 'help:about')],
    },
  ]
  if (isMac) template.unshift({ role: 'appMenu' })
  return template
}
