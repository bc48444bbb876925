import type { Note } from '../music/types.ts'
import type { ImportReport } from './report.ts'

interface Sounding {
  ticks: number
  velocity: number
}

/** Turns the note-ons and note-offs of one channel of one track into notes. */
export class NotePairing {
  /** Notes completed so far, in the order they ended. */
  readonly notes: Note[] = []
  private readonly sounding = new Map<number, Sounding[]>()

  /** Counts stray note-offs and hanging notes in `report`. */
  constructor(private readonly report: ImportReport) {}

  /** A key goes down. */
  noteOn(pitch: number, ticks: number, velocity: number): void {
    const stack = this.sounding.get(pitch)
    if (stack) stack.push({ ticks, velocity })
    else this.sounding.set(pitch, [{ ticks, velocity }])
  }

  /**
   * A key comes up: it ends every note of that key begun before this tick, or, when all began on
   * this very tick, the oldest (a zero-length note, dropped later). Writers differ in whether the
   * off for an old note comes before or after a new note-on on the same tick; this reads both.
   */
  noteOff(pitch: number, ticks: number): void {
    const stack = this.sounding.get(pitch)
    if (!stack || stack.length === 0) {
      this.report.strayNoteOffs++
      return
    }
    const earlier = stack.filter((n) => n.ticks < ticks)
    const ending = earlier.length > 0 ? earlier : stack.slice(0, 1)
    for (const n of ending) this.notes.push({ pitch, ticks: n.ticks, durationTicks: ticks - n.ticks, velocity: n.velocity })
    this.sounding.set(
      pitch,
      stack.filter((n) => !ending.includes(n)),
    )
  }

  /** Ends notes still sounding at the track's end (`fallbackLength` for a note-on that is its last event). */
  endAll(endTick: number, fallbackLength: number): void {
    for (const [pitch, stack] of this.sounding) {
      for (const n of stack) {
        this.notes.push({
          pitch,
          ticks: n.ticks,
          durationTicks: endTick > n.ticks ? endTick - n.ticks : fallbackLength,
          velocity: n.velocity,
        })
        this.report.hangingNotesEnded++
      }
    }
    this.sounding.clear()
  }
}
