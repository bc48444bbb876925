/** Where progress goes: process.stderr, or a fake in tests. */
export interface ProgressStream {
  write(text: string): unknown
  /** A terminal: one line redrawn in place. Otherwise plain lines. */
  isTTY?: boolean
  /** Terminal width; the line is cut to fit so that it never wraps. */
  columns?: number
}

/** How a Progress reports. */
export interface ProgressOptions {
  /** What is being done, e.g. "evaluating valid.json". */
  label: string
  /** Units in all. */
  total: number
  /** What is counted, e.g. "blocks". */
  unit: string
  /** Units already done when the count starts (a resumed epoch); the rate counts from here. */
  start?: number
  /** When the work began, on the `now` clock (default: now); rate, ETA and the final time count from it. */
  startedAt?: number
  /** Default process.stderr. */
  stream?: ProgressStream
  /** Milliseconds clock (default performance.now). */
  now?: () => number
  /** Milliseconds between plain lines when not on a terminal (default 10 s). */
  plainEvery?: number
  /** Milliseconds between redraws on a terminal (default 100 ms). */
  redrawEvery?: number
  /** Prints a log line (default console.log); see log(). */
  print?: (line: string) => void
}

/** "42s", "4m05s", "2h07m". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?'
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  const minutes = Math.round(s / 60)
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`
}

function formatRate(perSecond: number): string {
  return perSecond >= 10 ? perSecond.toFixed(0) : perSecond >= 1 ? perSecond.toFixed(1) : perSecond.toFixed(2)
}

const CLEAR_LINE = '\r\x1b[K'

/**
 * Progress of a long job on stderr: on a terminal one line redrawn in place (bar, percentage, rate,
 * ETA), elsewhere (a log file, a pipe) a plain line now and then. The caller reports counts; the
 * library code it wraps only calls back with them.
 */
export class Progress {
  private readonly stream: ProgressStream
  private readonly now: () => number
  private readonly startedAt: number
  private readonly start: number
  private done: number
  private lastDrawn: number
  private drawn = false
  private finished = false

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr
    this.now = options.now ?? (() => performance.now())
    this.startedAt = options.startedAt ?? this.now()
    this.start = options.start ?? 0
    this.done = this.start
    // Plain lines start one interval in: a short job prints only its final line.
    this.lastDrawn = this.startedAt
    if (this.tty) this.draw()
  }

  private get tty(): boolean {
    return this.stream.isTTY === true
  }

  /** Units done so far. */
  update(done: number): void {
    if (this.finished) return
    this.done = Math.min(done, this.options.total)
    const since = this.now() - this.lastDrawn
    if (
      this.tty
        ? since >= (this.options.redrawEvery ?? 100) || this.done === this.options.total
        : since >= (this.options.plainEvery ?? 10_000)
    )
      this.draw()
  }

  /** Prints a line above the progress line (which is redrawn under it) rather than through it. */
  log(line: string): void {
    if (this.tty && this.drawn && !this.finished) this.stream.write(CLEAR_LINE)
    ;(this.options.print ?? console.log)(line)
    if (this.tty && !this.finished) this.draw()
  }

  /** Ends the report: the final line stays (on a terminal, the bar as it stood). */
  finish(): void {
    if (this.finished) return
    const elapsed = (this.now() - this.startedAt) / 1000
    const { label, total, unit } = this.options
    const counted = `${this.done}/${total} ${unit}`
    this.stream.write(
      this.tty
        ? `${CLEAR_LINE}${this.fit(`${label} ${this.bar()} ${this.percent()} ${counted} in ${formatDuration(elapsed)}`)}\n`
        : `${label}: ${counted} (${this.percent()}) in ${formatDuration(elapsed)}\n`,
    )
    this.finished = true
  }

  private percent(): string {
    const { total } = this.options
    return `${Math.floor((total > 0 ? this.done / total : 1) * 100)}%`
  }

  private bar(width = 24): string {
    const { total } = this.options
    const filled = Math.round((total > 0 ? this.done / total : 1) * width)
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`
  }

  /** Rate and ETA from the units done since the start ("3.1 blocks/s, ETA 41s"). */
  private pace(): string {
    const seconds = (this.now() - this.startedAt) / 1000
    const counted = this.done - this.start
    if (counted <= 0 || seconds <= 0) return 'ETA ?'
    const rate = counted / seconds
    return `${formatRate(rate)} ${this.options.unit}/s, ETA ${formatDuration((this.options.total - this.done) / rate)}`
  }

  private fit(line: string): string {
    const columns = this.stream.columns || 80
    return line.length < columns ? line : line.slice(0, Math.max(0, columns - 1))
  }

  private draw(): void {
    this.lastDrawn = this.now()
    const { label, total, unit } = this.options
    const counted = `${this.done}/${total} ${unit}`
    if (this.tty) {
      this.stream.write(`${CLEAR_LINE}${this.fit(`${label} ${this.bar()} ${this.percent()} ${counted} ${this.pace()}`)}`)
      this.drawn = true
    } else {
      this.stream.write(`${label}: ${counted} (${this.percent()}), ${this.pace()}\n`)
    }
  }
}
