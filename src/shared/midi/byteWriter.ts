/** An append-only byte buffer that grows by doubling, so writing n bytes costs O(n). */
export class ByteWriter {
  private bytes = new Uint8Array(1024)
  /** Bytes written so far. */
  length = 0

  private reserve(count: number): void {
    if (this.length + count <= this.bytes.length) return
    let size = this.bytes.length * 2
    while (size < this.length + count) size *= 2
    const grown = new Uint8Array(size)
    grown.set(this.bytes.subarray(0, this.length))
    this.bytes = grown
  }

  /** Appends one byte (the low 8 bits). */
  u8(value: number): void {
    this.reserve(1)
    this.bytes[this.length++] = value & 0xff
  }

  /** Appends a big-endian 32-bit unsigned integer. */
  u32(value: number): void {
    this.u8(value >>> 24)
    this.u8(value >>> 16)
    this.u8(value >>> 8)
    this.u8(value)
  }

  /** Appends a MIDI variable-length quantity (0..0x0FFFFFFF). */
  varLen(value: number): void {
    for (let shift = 21; shift > 0; shift -= 7) if (value >= 2 ** shift) this.u8(((value >>> shift) & 0x7f) | 0x80)
    this.u8(value & 0x7f)
  }

  /** Appends a string one byte per character (Latin-1, as MIDI text is read back). */
  latin1(text: string): void {
    for (let i = 0; i < text.length; i++) this.u8(text.charCodeAt(i))
  }

  /** Overwrites a big-endian 32-bit value already written at `at` (a chunk length known only at its end). */
  patchU32(at: number, value: number): void {
    this.bytes[at] = (value >>> 24) & 0xff
    this.bytes[at + 1] = (value >>> 16) & 0xff
    this.bytes[at + 2] = (value >>> 8) & 0xff
    this.bytes[at + 3] = value & 0xff
  }

  /** A copy of the bytes written. */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }
}
