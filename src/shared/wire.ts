/**
 * The browser mode's wire format: JSON in which a Uint8Array (a MIDI file's or a WAV's bytes) travels
 * as `{"$bytes": "<base64>"}`, so that requests reach the handlers in the shape Electron's structured
 * clone gives them and pass the same schemas. Pure: runs in Node and in the page (btoa/atob are global in both).
 */

const CHUNK = 0x8000

/** The JSON text of `value`, with every Uint8Array as `{"$bytes": base64}`. */
export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { $bytes: bytesToBase64(v) } : v))
}

/** Parses wire text back, turning each `{"$bytes": base64}` (and only that exact shape) into a Uint8Array. */
export function fromWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (isBytes(v) ? base64ToBytes(v.$bytes) : v))
}

function isBytes(v: unknown): v is { $bytes: string } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const keys = Object.keys(v)
  return keys.length === 1 && keys[0] === '$bytes' && typeof (v as { $bytes: unknown }).$bytes === 'string'
}

/** Base64 of `bytes`, built in chunks so that megabytes do not overflow the argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

/** The bytes of a base64 string; throws on text that is not base64. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
