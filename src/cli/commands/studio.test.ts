import { afterEach, describe, expect, it, vi } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { main } from '../main.ts'
import { packageRoot } from '../packageRoot.ts'
import { captureConsole } from '#fixtures/console.ts'

afterEach(() => vi.restoreAllMocks())

describe('neural-piano studio (the argument checks; test/e2e/studio*.test.ts runs the server)', () => {
  it('refuses a bad port or more than one file with its usage and exit code 2', async () => {
    const { err } = captureConsole()
    await expect(main(['studio', '--port', 'http'])).resolves.toBe(2)
    await expect(main(['studio', '--port', '70000'])).resolves.toBe(2)
    await expect(main(['studio', 'a.mid', 'b.mid'])).resolves.toBe(2)
    expect(err.join('\n')).toContain('usage: neural-piano studio [FILE.mid] [--port N] [--no-open]')
  })

  it('says plainly when the MIDI file to open is not there', async () => {
    const { err } = captureConsole()
    await expect(main(['studio', 'no-such-song.mid', '--no-open'])).resolves.toBe(1)
    expect(err.join('\n')).toMatch(/^neural-piano studio: there is no file .*no-such-song\.mid$/)
  })
})

describe('packageRoot', () => {
  it('finds the package from a module deep inside it, whatever the cwd', () => {
    const root = packageRoot(import.meta.url)
    expect(existsSync(join(root, 'package.json'))).toBe(true)
    expect(existsSync(join(root, 'src', 'cli', 'commands', 'studio.ts'))).toBe(true)
    expect(() => packageRoot('file:///')).toThrow(/no neural-piano package\.json/)
  })
})
