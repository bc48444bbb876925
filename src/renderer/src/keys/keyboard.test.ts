import { describe, expect, it } from 'vitest'
import { connectKeyboard } from './keyboard.ts'
import type { ActionId } from './shortcuts.ts'

const key = (k: string, mods: Partial<KeyboardEvent> = {}) =>
  ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    target: null,
    preventDefault() {},
    ...mods,
  }) as unknown as KeyboardEvent

describe('keyboard and menu routing', () => {
  it('runs each key press, and drops a menu command that repeats the key just handled', () => {
    const ran: ActionId[] = []
    const about: string[] = []
    const keys = connectKeyboard(
      (a) => ran.push(a),
      () => about.push('about'),
    )
    keys.keydown(key('z', { ctrlKey: true }))
    keys.menu('edit:undo') // Electron's accelerator for the same press
    keys.keydown(key('z', { ctrlKey: true })) // a second press
    keys.menu('edit:redo')
    keys.menu('help:about')
    keys.keydown(key('ArrowUp'))
    keys.keydown(key('ArrowUp'))
    expect(ran).toEqual(['undo', 'undo', 'redo', 'transposeUp', 'transposeUp'])
    expect(about).toEqual(['about'])
  })

  it('menu commands alone run every time', () => {
    const ran: ActionId[] = []
    const keys = connectKeyboard(
      (a) => ran.push(a),
      () => undefined,
    )
    keys.menu('edit:undo')
    keys.menu('edit:undo')
    keys.keydown(key('z', { ctrlKey: true })) // the same press seen by the page after the menu ran it
    expect(ran).toEqual(['undo', 'undo'])
  })

  it('leaves keys to an open dialog (Escape closes it instead of discarding candidates)', () => {
    const ran: ActionId[] = []
    const keys = connectKeyboard(
      (a) => ran.push(a),
      () => {},
    )
    const insideDialog = { closest: (selector: string) => (selector === 'dialog[open]' ? {} : null) }
    keys.keydown(key('Escape', { target: insideDialog as unknown as EventTarget }))
    expect(ran).toEqual([])
    keys.keydown(key('Escape'))
    expect(ran).toEqual(['escape'])
  })
})
