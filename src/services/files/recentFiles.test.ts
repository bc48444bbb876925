import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RecentFiles } from './recentFiles.ts'
import { tempFolder } from '#fixtures/tempFolders.ts'

describe('RecentFiles', () => {
  it('keeps each file once, newest first, at most ten, across sessions', async () => {
    const dataDir = tempFolder()
    const recent = new RecentFiles(dataDir)
    for (let i = 0; i < 12; i++) await recent.add(`/music/song${i}.mid`)
    await recent.add('/music/song5.mid')
    const names = (await new RecentFiles(dataDir).list()).map((f) => f.name)
    expect(names).toEqual([
      'song5.mid',
      'song11.mid',
      'song10.mid',
      'song9.mid',
      'song8.mid',
      'song7.mid',
      'song6.mid',
      'song4.mid',
      'song3.mid',
      'song2.mid',
    ])
    expect(await recent.pathAt(0)).toBe('/music/song5.mid')
    await recent.remove('/music/song5.mid')
    expect(await new RecentFiles(dataDir).pathAt(0)).toBe('/music/song11.mid')
  })

  it('treats a damaged or hand-edited list as empty or drops the bad entries', async () => {
    const damaged = tempFolder()
    writeFileSync(join(damaged, 'recent-files.json'), '{"files": [')
    expect(await new RecentFiles(damaged).list()).toEqual([])
    const edited = tempFolder()
    writeFileSync(join(edited, 'recent-files.json'), JSON.stringify({ files: ['relative/song.mid', '/abs/song.mid'] }))
    expect(await new RecentFiles(edited).list()).toEqual([{ name: 'song.mid', folder: '/abs' }])
  })

  it('loses nothing when reads and changes overlap (the page lists while a launch file is added)', async () => {
    const folder = tempFolder()
    writeFileSync(join(folder, 'recent-files.json'), JSON.stringify({ files: ['/old/a.mid'] }))
    const recent = new RecentFiles(folder)
    await Promise.all([recent.list(), recent.add('/new/b.mid'), recent.list(), recent.add('/new/c.mid'), recent.remove('/old/a.mid')])
    const names = ['c.mid', 'b.mid']
    expect((await recent.list()).map((f) => f.name)).toEqual(names)
    expect((await new RecentFiles(folder).list()).map((f) => f.name)).toEqual(names)
  })
})
