/**
 * Decoding a statement's answer key (an item of `RuntimeQuiz.keys`).
 *
 * The key is base64 of UTF-8 JSON. `atob` alone would return one character
 * per byte and mangle é, ü, emoji and right-to-left text, so its characters
 * are taken back to bytes here and the bytes made text with a strict UTF-8
 * decoder.
 */
import type { RuntimeAnswerKey } from '../page-contract.ts'

/** The bytes that standard base64 `text` stands for (line breaks and missing padding allowed), or null when it is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  try {
    // atob checks the alphabet and the length; its one character per byte is taken back to bytes here.
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
  } catch {
    return null
  }
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
