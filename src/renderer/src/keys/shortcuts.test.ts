import { describe, expect, it } from 'vitest'
import { MENU_ACTIONS, SHORTCUTS, formatShortcut, matchShortcut } from './shortcuts.ts'
import { menuCommands } from '$shared/ipc/app.ts'

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('keyboard shortcuts', () => {
  it('matches keys with exactly their modifiers', () => {
    expect(matchShortcut(press('z', { ctrlKey: true }))?.action).toBe('undo')
    expect(matchShortcut(press('Z', { metaKey: true, shiftKey: true }))?.action).toBe('redo')
    expect(matchShortcut(press('ArrowUp', { shiftKey: true }))?.action).toBe('octaveUp')
    expect(matchShortcut(press('ArrowUp', { altKey: true }))?.action).toBe('velocityUp')
    expect(matchShortcut(press('+', { ctrlKey: true }))?.action).toBe('zoomIn')
    expect(matchShortcut(press(' '))?.action).toBe('playStop')
    expect(matchShortcut(press('z'))).toBeUndefined()
  })

  it('no two shortcuts share a key', () => {
    const keys = SHORTCUTS.map((s) => `${s.key.toLowerCase()}|${!!s.mod}|${!!s.shift}|${!!s.alt}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('every menu command has an action', () => {
    for (const command of menuCommands) expect(MENU_ACTIONS[command]).toBeDefined()
  })

  it('formats for each platform', () => {
    const redo = SHORTCUTS.find((s) => s.action === 'redo')!
    expect(formatShortcut(redo, false)).toBe('Ctrl+Shift+Z')
    expect(formatShortcut(redo, true)).toBe('⌘⇧Z')
  })
})
