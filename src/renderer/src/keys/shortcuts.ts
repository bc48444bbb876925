import type { MenuCommand } from '$shared/ipc/app.ts'

/** Everything the keyboard can do in the editor. */
export type ActionId =
  | 'playStop'
  | 'playSelection'
  | 'toggleLoop'
  | 'record'
  | 'toggleMetronome'
  | 'toolDraw'
  | 'toolSelect'
  | 'toolErase'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'selectAll'
  | 'transposeUp'
  | 'transposeDown'
  | 'octaveUp'
  | 'octaveDown'
  | 'nudgeLeft'
  | 'nudgeRight'
  | 'velocityUp'
  | 'velocityDown'
  | 'quantize'
  | 'zoomIn'
  | 'zoomOut'
  | 'fit'
  | 'zoomKeysIn'
  | 'zoomKeysOut'
  | 'home'
  | 'end'
  | 'continue'
  | 'nextCandidate'
  | 'previousCandidate'
  | 'acceptCandidate'
  | 'auditionCandidate'
  | 'escape'
  | 'help'
  | 'new'
  | 'open'
  | 'save'
  | 'saveAs'
  | 'exportMidi'
  | 'exportAudio'

/** One shortcut: the key (KeyboardEvent.key, case-insensitive), its modifiers, and what it does. */
export interface Shortcut {
  key: string
  mod?: boolean
  shift?: boolean
  alt?: boolean
  action: ActionId
  /** What the help overlay says. */
  label: string
  /** The help overlay's section. */
  group: 'Playback' | 'Tools' | 'Edit' | 'View' | 'Continue' | 'File'
  /** The menu item with the same accelerator, if any (Electron's menu may deliver it instead). */
  menu?: MenuCommand
}

/** Every shortcut; the help overlay lists them in this order. */
export const SHORTCUTS: readonly Shortcut[] = [
  { key: ' ', action: 'playStop', label: 'Play / stop', group: 'Playback' },
  { key: ' ', shift: true, action: 'playSelection', label: 'Play the selected bars', group: 'Playback' },
  { key: 'l', action: 'toggleLoop', label: 'Loop the selected bars on / off', group: 'Playback' },
  {
    key: 'r',
    action: 'record',
    label: 'Record from the MIDI keyboard at the playhead (count-in first) / stop',
    group: 'Playback',
    menu: 'transport:record',
  },
  { key: 'k', action: 'toggleMetronome', label: 'Metronome on / off', group: 'Playback', menu: 'transport:metronome' },
  { key: 'd', action: 'toolDraw', label: 'Draw tool', group: 'Tools' },
  { key: 's', action: 'toolSelect', label: 'Select tool', group: 'Tools' },
  { key: 'e', action: 'toolErase', label: 'Erase tool', group: 'Tools' },
  { key: 'z', mod: true, action: 'undo', label: 'Undo', group: 'Edit', menu: 'edit:undo' },
  { key: 'z', mod: true, shift: true, action: 'redo', label: 'Redo', group: 'Edit', menu: 'edit:redo' },
  { key: 'y', mod: true, action: 'redo', label: 'Redo', group: 'Edit', menu: 'edit:redo' },
  { key: 'x', mod: true, action: 'cut', label: 'Cut', group: 'Edit', menu: 'edit:cut' },
  { key: 'c', mod: true, action: 'copy', label: 'Copy', group: 'Edit', menu: 'edit:copy' },
  {
    key: 'v',
    mod: true,
    action: 'paste',
    label: 'Paste at the selected bar, or where you last clicked',
    group: 'Edit',
    menu: 'edit:paste',
  },
  { key: 'd', mod: true, action: 'duplicate', label: 'Duplicate after itself', group: 'Edit', menu: 'edit:duplicate' },
  { key: 'Delete', action: 'delete', label: 'Delete', group: 'Edit', menu: 'edit:delete' },
  { key: 'Backspace', action: 'delete', label: 'Delete', group: 'Edit' },
  { key: 'a', mod: true, action: 'selectAll', label: 'Select all notes', group: 'Edit', menu: 'edit:selectAll' },
  { key: 'ArrowUp', action: 'transposeUp', label: 'Transpose up a semitone', group: 'Edit' },
  { key: 'ArrowDown', action: 'transposeDown', label: 'Transpose down a semitone', group: 'Edit' },
  { key: 'ArrowUp', shift: true, action: 'octaveUp', label: 'Transpose up an octave', group: 'Edit' },
  { key: 'ArrowDown', shift: true, action: 'octaveDown', label: 'Transpose down an octave', group: 'Edit' },
  { key: 'ArrowLeft', action: 'nudgeLeft', label: 'Move earlier by one grid step', group: 'Edit' },
  { key: 'ArrowRight', action: 'nudgeRight', label: 'Move later by one grid step', group: 'Edit' },
  { key: 'ArrowUp', alt: true, action: 'velocityUp', label: 'Louder (velocity +8)', group: 'Edit' },
  { key: 'ArrowDown', alt: true, action: 'velocityDown', label: 'Softer (velocity −8)', group: 'Edit' },
  { key: 'q', action: 'quantize', label: 'Quantize to the grid', group: 'Edit' },
  { key: '=', mod: true, action: 'zoomIn', label: 'Zoom in', group: 'View', menu: 'view:zoomIn' },
  { key: '-', mod: true, action: 'zoomOut', label: 'Zoom out', group: 'View', menu: 'view:zoomOut' },
  { key: '0', mod: true, action: 'fit', label: 'Fit the song', group: 'View', menu: 'view:fit' },
  { key: '=', alt: true, action: 'zoomKeysIn', label: 'Taller keys', group: 'View' },
  { key: '-', alt: true, action: 'zoomKeysOut', label: 'Shorter keys', group: 'View' },
  { key: 'Home', action: 'home', label: 'Scroll to the start', group: 'View' },
  { key: 'End', action: 'end', label: 'Scroll to the end', group: 'View' },
  { key: 'Enter', mod: true, action: 'continue', label: 'Continue the selected bars', group: 'Continue', menu: 'model:continue' },
  { key: ']', action: 'nextCandidate', label: 'Next candidate', group: 'Continue' },
  { key: '[', action: 'previousCandidate', label: 'Previous candidate', group: 'Continue' },
  { key: 'Enter', action: 'acceptCandidate', label: 'Accept the candidate', group: 'Continue' },
  { key: 'a', action: 'auditionCandidate', label: 'Audition the candidate', group: 'Continue' },
  { key: 'Escape', action: 'escape', label: 'Discard the candidates / clear the selection', group: 'Continue' },
  { key: '/', mod: true, action: 'help', label: 'This help', group: 'View', menu: 'help:shortcuts' },
  { key: '?', shift: true, action: 'help', label: 'This help', group: 'View' },
  { key: 'n', mod: true, action: 'new', label: 'New song', group: 'File', menu: 'file:new' },
  { key: 'o', mod: true, action: 'open', label: 'Open a MIDI file', group: 'File', menu: 'file:open' },
  { key: 's', mod: true, action: 'save', label: 'Save', group: 'File', menu: 'file:save' },
  { key: 's', mod: true, shift: true, action: 'saveAs', label: 'Save as', group: 'File', menu: 'file:saveAs' },
  { key: 'e', mod: true, action: 'exportMidi', label: 'Export MIDI', group: 'File', menu: 'file:exportMidi' },
]

/** What a key press needs to be matched. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** The shortcut a key press means, if any. Shift is ignored for keys that need it to be typed ('?'). */
export function matchShortcut(press: KeyPress, shortcuts: readonly Shortcut[] = SHORTCUTS): Shortcut | undefined {
  const mod = press.ctrlKey || press.metaKey
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key
  return shortcuts.find((s) => {
    const wanted = s.key.length === 1 ? s.key.toLowerCase() : s.key
    const keyMatches = wanted === key || (wanted === '=' && key === '+' && mod)
    return keyMatches && !!s.mod === mod && !!s.shift === press.shiftKey && !!s.alt === press.altKey
  })
}

/** The shortcut written the way the platform shows it: "Ctrl+Shift+Z", "⌘⇧Z". */
export function formatShortcut(s: Shortcut, mac: boolean): string {
  const names: Record<string, string> = { ' ': 'Space', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc' }
  const key = names[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key)
  if (mac) return `${s.mod ? '⌘' : ''}${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${key}`
  return [s.mod ? 'Ctrl' : '', s.alt ? 'Alt' : '', s.shift ? 'Shift' : '', key].filter(Boolean).join('+')
}

/** The shortcut text for an action (the first one listed), for tooltips. */
export function shortcutFor(action: ActionId, mac: boolean): string {
  const found = SHORTCUTS.find((s) => s.action === action)
  return found ? formatShortcut(found, mac) : ''
}

/** The action a menu command runs. */
export const MENU_ACTIONS: Record<MenuCommand, ActionId | 'about'> = {
  'file:new': 'new',
  'file:open': 'open',
  'file:save': 'save',
  'file:saveAs': 'saveAs',
  'file:exportMidi': 'exportMidi',
  'edit:undo': 'undo',
  'edit:redo': 'redo',
  'edit:cut': 'cut',
  'edit:copy': 'copy',
  'edit:paste': 'paste',
  'edit:duplicate': 'duplicate',
  'edit:delete': 'delete',
  'edit:selectAll': 'selectAll',
  'view:zoomIn': 'zoomIn',
  'view:zoomOut': 'zoomOut',
  'view:fit': 'fit',
  'transport:record': 'record',
  'transport:metronome': 'toggleMetronome',
  'model:continue': 'continue',
  'help:shortcuts': 'help',
  'help:about': 'about',
}
