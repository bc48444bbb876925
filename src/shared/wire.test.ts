import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64, fromWire, toWire } from './wire.ts'

describe('the browser mode wire format', () => {
  it('carries Uint8Arrays anywhere in a value, and everything else as JSON', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256)
    const value = { name: 'a.mid', bytes, nested: [{ wav: new Uint8Array([0, 255]) }], n: 1.5, flag: false, none: null }
    const back = fromWire(toWire(value)) as typeof value
    expect(back.bytes).toBeInstanceOf(Uint8Array)
    expect(back).toEqual(value)
  })

  it('matches Node’s base64, so the page and the server agree byte for byte', () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 77, 84, 104, 100])
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    expect([...base64ToBytes(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes])
  })

  it('turns only the exact {$bytes: string} shape into bytes', () => {
    const text = JSON.stringify({ a: { $bytes: 'AAE=', other: 1 }, b: { $bytes: 5 }, c: ['$bytes'] })
    expect(fromWire(text)).toEqual({ a: { $bytes: 'AAE=', other: 1 }, b: { $bytes: 5 }, c: ['$bytes'] })
    expect(() => fromWire('{"$bytes":"not base64!"}')).toThrow()
  })
})
