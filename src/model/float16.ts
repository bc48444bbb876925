/** float32 -> IEEE half bits, rounding to nearest even (what tfjs's float16 decoder reverses). */
export function toFloat16Bits(values: Float32Array): Uint16Array {
  const f32 = new Float32Array(1)
  const u32 = new Uint32Array(f32.buffer)
  const out = new Uint16Array(values.length)
  for (let i = 0; i < values.length; i++) {
    f32[0] = values[i] as number
    const x = u32[0] as number
    const sign = (x >>> 16) & 0x8000
    const exp = (x >>> 23) & 0xff
    let mant = x & 0x7fffff
    if (exp === 0xff) {
      out[i] = sign | 0x7c00 | (mant ? 0x200 : 0)
      continue
    }
    const e = exp - 127 + 15
    if (e >= 0x1f) {
      out[i] = sign | 0x7c00
    } else if (e <= 0) {
      // Subnormal half (or zero): shift the implicit-one mantissa into place, rounding to nearest even.
      if (e < -10) {
        out[i] = sign
        continue
      }
      mant |= 0x800000
      const shift = 14 - e
      const half = mant >>> shift
      const rest = mant & ((1 << shift) - 1)
      const mid = 1 << (shift - 1)
      out[i] = sign | (half + (rest > mid || (rest === mid && half & 1) ? 1 : 0))
    } else {
      const half = (e << 10) | (mant >>> 13)
      const rest = mant & 0x1fff
      // A carry out of the mantissa correctly bumps the exponent (and overflows to infinity).
      out[i] = sign | (half + (rest > 0x1000 || (rest === 0x1000 && half & 1) ? 1 : 0))
    }
  }
  return out
}
