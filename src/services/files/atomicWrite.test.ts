import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync, chmodSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from './atomicWrite.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

const folder = (): string => tempFolder('np-atomic-')

describe('writeFileAtomic', () => {
  it('creates and replaces a file and leaves no temporary file behind', async () => {
    const dir = folder()
    const path = join(dir, 'song.mid')
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]))
    await writeFileAtomic(path, 'second')
    expect(readFileSync(path, 'utf8')).toBe('second')
    expect(readdirSync(dir)).toEqual(['song.mid'])
  })

  it('keeps the permissions of the file it replaces', async () => {
    if (process.platform === 'win32') return
    const path = join(folder(), 'shared.mid')
    writeFileSync(path, 'old')
    chmodSync(path, 0o600)
    await writeFileAtomic(path, 'new')
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('fails without touching the old file when the folder cannot be written', async () => {
    const dir = folder()
    await expect(writeFileAtomic(join(dir, 'missing', 'song.mid'), 'x')).rejects.toMatchObject({ code: 'ENOENT' })
    expect(readdirSync(dir)).toEqual([])
  })

  it('ends with one complete version when writes race', async () => {
    const path = join(folder(), 'race.json')
    const versions = Array.from({ length: 20 }, (_, i) => String(i).repeat(50_000))
    await Promise.all(versions.map((v) => writeFileAtomic(path, v)))
    expect(versions).toContain(readFileSync(path, 'utf8'))
  })

  it('leaves the old or the new complete file when the writing process is killed at any moment', async () => {
    const dir = folder()
    const path = join(dir, 'song.bin')
    const size = 2 * 1024 * 1024
    writeFileSync(path, Buffer.alloc(size, 'a'))
    // A child process rewrites the file over and over (all 'a', then all 'b', ...) until SIGKILL.
    const script = `import { writeFileAtomic } from ${JSON.stringify(resolve('src/services/files/atomicWrite.ts'))}
      for (let i = 0; ; i++) {
        await writeFileAtomic(${JSON.stringify(path)}, Buffer.alloc(${size}, i % 2 ? 'a' : 'b'))
        if (i === 0) process.send?.('wrote')
      }`
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      })
      // Killed only after at least one complete write, so every round replaces the file at least once.
      await new Promise((wrote) => child.once('message', wrote))
      await new Promise((wait) => setTimeout(wait, 30 + Math.random() * 150))
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGKILL')
      await exited
      const bytes = readFileSync(path)
      expect(bytes.length).toBe(size)
      const first = bytes[0]
      expect(bytes.every((b) => b === first)).toBe(true)
    }
  }, 60_000)
})
