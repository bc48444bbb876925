import { describe, expect, it } from 'vitest'
import { menuCommands } from '$shared/ipc/app.ts'
import { PAGE_MENU } from './pageMenu.ts'

describe('the in-page menu', () => {
  it('offers every command of the application menu once (src/main/menu.test.ts holds the Electron menu to the same list)', () => {
    const commands = PAGE_MENU.flatMap((group) => group.items.map((item) => item.command))
    expect([...commands].sort()).toEqual([...menuCommands].sort())
  })
})
