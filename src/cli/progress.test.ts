import { describe, expect, it } from 'vitest'
import { formatDuration, Progress, type ProgressStream } from './progress.ts'

/** A stream that records what is written, a terminal or not, and a clock the test moves. */
function fakes(isTTY: boolean, columns = 100) {
  const writes: string[] = []
  const printed: string[] = []
  let ms = 0
  const stream: ProgressStream = { isTTY, columns, write: (text: string) => writes.push(text) }
  return {
    writes,
    printed,
    tick: (seconds: number) => void (ms += seconds * 1000),
    options: { stream, now: () => ms, print: (line: string) => void printed.push(line) },
  }
}

describe('Progress', () => {
  it('off a terminal prints a plain line with rate and ETA at most once per interval, and a final line', () => {
    const f = fakes(false)
    const progress = new Progress({ label: 'evaluating jsb', total: 10, unit: 'blocks', plainEvery: 5000, ...f.options })
    expect(f.writes).toEqual([])
    for (let done = 1; done <= 10; done++) {
      f.tick(1)
      progress.update(done)
    }
    progress.finish()
    expect(f.writes).toEqual([
      'evaluating jsb: 5/10 blocks (50%), 1.0 blocks/s, ETA 5s\n',
      'evaluating jsb: 10/10 blocks (100%), 1.0 blocks/s, ETA 0s\n',
      'evaluating jsb: 10/10 blocks (100%) in 10s\n',
    ])
    for (const line of f.writes) expect(line).not.toContain('\r')
  })

  it('on a terminal redraws one line in place with a bar, at most every redraw interval', () => {
    const f = fakes(true)
    const progress = new Progress({ label: 'epoch 3', total: 200, unit: 'updates', redrawEvery: 100, ...f.options })
    expect(f.writes).toEqual(['\r\x1b[Kepoch 3 [........................] 0% 0/200 updates ETA ?'])
    f.tick(0.05)
    progress.update(1) // within 100 ms of the last draw: not redrawn
    expect(f.writes).toHaveLength(1)
    f.tick(49.95)
    progress.update(50)
    expect(f.writes.at(-1)).toBe('\r\x1b[Kepoch 3 [######..................] 25% 50/200 updates 1.0 updates/s, ETA 2m30s')
    progress.finish()
    expect(f.writes.at(-1)).toBe('\r\x1b[Kepoch 3 [######..................] 25% 50/200 updates in 50s\n')
    for (const text of f.writes) expect(text).not.toMatch(/\n./)
  })

  it('on a terminal prints log lines above the bar and redraws it under them', () => {
    const f = fakes(true)
    const progress = new Progress({ label: 'epoch 1', total: 4, unit: 'updates', ...f.options })
    f.tick(2)
    progress.update(1)
    progress.log('[12:00:00] validation at update 1')
    expect(f.printed).toEqual(['[12:00:00] validation at update 1'])
    expect(f.writes.slice(-2)).toEqual(['\r\x1b[K', '\r\x1b[Kepoch 1 [######..................] 25% 1/4 updates 0.50 updates/s, ETA 6s'])
  })

  it('cuts the line to the terminal width so that it never wraps', () => {
    const f = fakes(true, 30)
    new Progress({ label: 'a long label for a narrow terminal', total: 4, unit: 'blocks', ...f.options })
    expect(f.writes[0]!.replace('\r\x1b[K', '').length).toBe(29)
  })

  it('counts the rate of a resumed epoch from where it resumed', () => {
    const f = fakes(false)
    const progress = new Progress({ label: 'epoch 2', total: 100, unit: 'updates', start: 60, plainEvery: 10_000, ...f.options })
    f.tick(10)
    progress.update(80)
    expect(f.writes).toEqual(['epoch 2: 80/100 updates (80%), 2.0 updates/s, ETA 10s\n'])
  })
})

describe('formatDuration', () => {
  it('reads as seconds, minutes or hours', () => {
    expect([formatDuration(42.4), formatDuration(245), formatDuration(7620), formatDuration(Infinity)]).toEqual([
      '42s',
      '4m05s',
      '2h07m',
      '?',
    ])
  })
})
