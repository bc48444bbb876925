import type { Seconds } from './timing.ts'

/** A moment of the audio output: a context time and the page time (performance.now, ms) it is heard. */
export interface OutputStamp {
  /** The audio context's time. */
  contextTime: Seconds
  /** The page time (ms) at which it is heard. */
  performanceTime: number
}

/** What outputStamp reads from an AudioContext. */
export interface OutputClockSource {
  currentTime: Seconds
  outputLatency?: Seconds | undefined
  baseLatency?: Seconds | undefined
  getOutputTimestamp?: (() => { contextTime?: number; performanceTime?: number }) | undefined
}

/**
 * Where the output is now: the context's own output timestamp where it gives a fresh one, else its
 * current time heard after its output latency. Keys are pressed against what is heard, so a take is
 * placed by this, not by the context's clock alone.
 */
export function outputStamp(context: OutputClockSource, nowMs: number): OutputStamp {
  const stamp = context.getOutputTimestamp?.()
  if (stamp?.contextTime && stamp.performanceTime && Math.abs(nowMs - stamp.performanceTime) < 1000) {
    return { contextTime: stamp.contextTime, performanceTime: stamp.performanceTime }
  }
  const latency = context.outputLatency || context.baseLatency || 0
  return { contextTime: context.currentTime, performanceTime: nowMs + latency * 1000 }
}

/** The page time (performance.now, ms) at which context time `at` is heard. */
export function heardAt(at: Seconds, stamp: OutputStamp): number {
  return stamp.performanceTime + (at - stamp.contextTime) * 1000
}
