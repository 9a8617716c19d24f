/**
 * Decoding a statement's answer key (`RuntimeQuizItem.key`).
 *
 * The key is base64 of UTF-8 JSON. `atob` alone would return one character
 * per byte and mangle é, ü, emoji and right-to-left text, so the base64 is
 * turned into bytes here and the bytes into text with a strict UTF-8 decoder.
 */
import type { RuntimeAnswerKey } from '../page-contract.ts'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The bytes that standard base64 `text` stands for, or null when it is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/[\t\n\r ]/g, '').replace(/==?$/, '')
  if (clean.length % 4 === 1) return null
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let buffer = 0
  let at = 0
  for (let i = 0; i < clean.length; i++) {
    const value = ALPHABET.indexOf(clean.charAt(i))
    if (value < 0) return null
    buffer = (buffer << 6) | value
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[at++] = (buffer >> bits) & 0xff
    }
  }
  return bytes
}

/** The decoded answer key, or null when it is not base64 of UTF-8 JSON of the right shape. */
export function decodeKey(key: string): RuntimeAnswerKey | null {
  const bytes = decodeBase64(key)
  if (!bytes) return null
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    if (typeof value !== 'object' || value === null) return null
    const a = (value as Record<string, unknown>).a
    const x = (value as Record<string, unknown>).x
    if ((a !== 0 && a !== 1) || typeof x !== 'string') return null
    return { a, x }
  } catch {
    return null
  }
}
