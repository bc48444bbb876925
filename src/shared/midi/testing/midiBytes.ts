// Tiny builders for MIDI byte streams, so tests can write exactly the (mal)formed files they need.

/** A variable-length quantity as MIDI writes delta times and lengths. */
export function vlq(value: number): number[] {
  const out = [value & 0x7f]
  for (let v = Math.floor(value / 128); v > 0; v = Math.floor(v / 128)) out.unshift((v & 0x7f) | 0x80)
  return out
}

/** A big-endian unsigned 32-bit integer. */
export function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]
}

/** The bytes of an ASCII string. */
export function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0))
}

/** A chunk: id, length (the real one unless `declaredLength` lies), data. */
export function chunk(id: string, data: readonly number[], declaredLength = data.length): number[] {
  return [...ascii(id), ...u32(declaredLength), ...data]
}

/** An MThd chunk; division is ticks per quarter, or raw 16 bits for SMPTE (see smpteDivision). */
export function header(format: number, trackCount: number, division: number): number[] {
  return chunk('MThd', [format >> 8, format & 0xff, trackCount >> 8, trackCount & 0xff, division >> 8, division & 0xff])
}

/** The raw division word for SMPTE timing. */
export function smpteDivision(framesPerSecond: number, ticksPerFrame: number): number {
  return ((256 - framesPerSecond) << 8) | ticksPerFrame
}

/** An MTrk chunk from event byte lists; End of Track is appended unless told not to. */
export function track(events: ReadonlyArray<readonly number[]>, options: { endOfTrack?: boolean; declaredLength?: number } = {}): number[] {
  const data = events.flat()
  if (options.endOfTrack !== false) data.push(...ev.end(0))
  return chunk('MTrk', data, options.declaredLength ?? data.length)
}

/** Event builders: each takes the delta time first and returns the event's bytes. */
export const ev = {
  on: (delta: number, channel: number, pitch: number, velocity: number): number[] => [...vlq(delta), 0x90 | channel, pitch, velocity],
  off: (delta: number, channel: number, pitch: number, velocity = 0): number[] => [...vlq(delta), 0x80 | channel, pitch, velocity],
  /** Two data bytes with no status byte: running status. */
  running: (delta: number, a: number, b: number): number[] => [...vlq(delta), a, b],
  cc: (delta: number, channel: number, controller: number, value: number): number[] => [...vlq(delta), 0xb0 | channel, controller, value],
  program: (delta: number, channel: number, program: number): number[] => [...vlq(delta), 0xc0 | channel, program],
  tempo: (delta: number, microsecondsPerQuarter: number): number[] => [...vlq(delta), 0xff, 0x51, 3, ...u32(microsecondsPerQuarter).slice(1)],
  timeSignature: (delta: number, numerator: number, denominator: number): number[] => [...vlq(delta), 0xff, 0x58, 4, numerator, Math.log2(denominator), 24, 8],
  name: (delta: number, text: string): number[] => [...vlq(delta), 0xff, 0x03, ...vlq(text.length), ...ascii(text)],
  sysex: (delta: number, data: readonly number[]): number[] => [...vlq(delta), 0xf0, ...vlq(data.length + 1), ...data, 0xf7],
  end: (delta: number): number[] => [...vlq(delta), 0xff, 0x2f, 0],
}

/** A whole file: header plus track chunks (already built with track()). */
export function midiFile(format: number, division: number, tracks: ReadonlyArray<readonly number[]>): Uint8Array {
  return new Uint8Array([...header(format, tracks.length, division), ...tracks.flat()])
}

/** The file wrapped as a RIFF RMID (.rmi) file. */
export function riffWrap(smf: Uint8Array): Uint8Array {
  const le = (v: number): number[] => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff]
  const pad = smf.length % 2 ? [0] : []
  const body = [...ascii('RMID'), ...ascii('data'), ...le(smf.length), ...smf, ...pad]
  return new Uint8Array([...ascii('RIFF'), ...le(body.length), ...body])
}
