/** Root mean square of a 16-bit stereo WAV file's samples in [from, to) seconds (the rate read from its header). */
export function rms(wav: Buffer, from: number, to: number): number {
  const rate = wav.readUInt32LE(24)
  let sum = 0
  let count = 0
  for (let frame = Math.floor(from * rate); frame < Math.floor(to * rate) && 44 + frame * 4 + 4 <= wav.length; frame++) {
    const v = wav.readInt16LE(44 + frame * 4) / 32768
    sum += v * v
    count++
  }
  return Math.sqrt(sum / Math.max(1, count))
}
