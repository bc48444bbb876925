import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { menuCommands, type MenuCommand } from '../shared/ipc/index.ts'
import { buildMenuTemplate } from './menu.ts'

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

describe('the application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    it(`on ${platform}: File, Edit and View, each item sending a known command, no accelerator twice`, () => {
      const sent: MenuCommand[] = []
      const template = buildMenuTemplate((command) => sent.push(command), platform, false)
      expect(template.map((item) => item.label).filter(Boolean)).toEqual(expect.arrayContaining(['File', 'Edit', 'View']))
      const all = items(template)
      for (const item of all) (item.click as (() => void) | undefined)?.()
      expect(new Set(sent)).toEqual(new Set(menuCommands))
      const accelerators = all.map((item) => item.accelerator).filter(Boolean)
      expect(new Set(accelerators).size).toBe(accelerators.length)
    })
  }
  it('shows the single-key shortcuts (Record R, Metronome K) without registering them, so text fields keep those keys', () => {
    const find = (platform: NodeJS.Platform, label: string) =>
      items(buildMenuTemplate(() => {}, platform, false)).find((item) => item.label === label)!
    for (const platform of ['win32', 'linux'] as const) {
      expect(find(platform, 'Record')).toMatchObject({ accelerator: 'R', registerAccelerator: false })
      expect(find(platform, 'Metronome')).toMatchObject({ accelerator: 'K', registerAccelerator: false })
    }
    expect(find('darwin', 'Record').accelerator).toBeUndefined()
    const registered = items(buildMenuTemplate(() => {}, 'linux', false)).filter(
      (item) => item.accelerator && item.registerAccelerator !== false,
    )
    expect(registered.every((item) => /CmdOrCtrl|Delete/.test(String(item.accelerator)))).toBe(true)
  })

  it('shows developer tools only in development', () => {
    const roles = (isDev: boolean) => items(buildMenuTemplate(() => {}, 'linux', isDev)).map((item) => item.role)
    expect(roles(true)).toContain('toggleDevTools')
    expect(roles(false)).not.toContain('toggleDevTools')
  })
})
