import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AutosaveStore } from './autosaveStore.ts'
import { scaleSong } from '#fixtures/songs.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

describe('AutosaveStore', () => {
  it('keeps the last of many overlapping writes', async () => {
    const store = new AutosaveStore(tempFolder())
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.write({ name: `v${i}`, savedAt: i, song: scaleSong(`v${i}`) })))
    expect(await store.read()).toMatchObject({ name: 'v9', savedAt: 9, song: { name: 'v9' } })
    expect(await store.discard()).toBe(true)
    expect(await store.discard()).toBe(false)
    expect(await store.read()).toBeUndefined()
  })

  it('offers a complete autosave after the app is killed in the middle of autosaving', async () => {
    const dataDir = tempFolder()
    // A child process autosaves a large song over and over, alternating two versions, until SIGKILL.
    const script = `import { AutosaveStore } from ${JSON.stringify(resolve('src/services/files/autosaveStore.ts'))}
      import { scaleSong } from ${JSON.stringify(resolve('test/fixtures/songs.ts'))}
      const store = new AutosaveStore(${JSON.stringify(dataDir)})
      const songs = ['even', 'odd'].map((name) => {
        const song = scaleSong(name)
        song.tracks[0].notes = Array.from({ length: 40000 }, (_, i) => ({ pitch: 60, ticks: i * 10, durationTicks: 5, velocity: 64 }))
        return song
      })
      for (let i = 0; ; i++) {
        await store.write({ name: songs[i % 2].name, savedAt: i, song: songs[i % 2] })
        if (i === 0) process.send?.('wrote')
      }`
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      })
      await new Promise((wrote) => child.once('message', wrote))
      await new Promise((wait) => setTimeout(wait, 20 + Math.random() * 200))
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGKILL')
      await exited
      const entry = await new AutosaveStore(dataDir).read()
      expect(entry?.song.tracks[0]?.notes).toHaveLength(40000)
      expect(['even', 'odd']).toContain(entry?.song.name)
      expect(entry?.name).toBe(entry?.song.name)
    }
  }, 60_000)
})
