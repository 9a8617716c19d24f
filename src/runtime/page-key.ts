/**
 * Page keys and the course tag of progress codes (progress-code.ts), made
 * here from the manifest rather than carried in it: a key is the first
 * `keyLength` characters of a hash of the page id, and the build has chosen
 * `keyLength` so that the course's keys all differ (src/emit/page-keys.ts
 * makes the same digits; a test holds the two alike). Only the extras need
 * keys, so no page's first visit pays for them.
 */
import type { RuntimeManifest } from '../page-contract.ts'
import { ALPHABET, type CodeCourse } from './progress-code.ts'

/**
 * 10 base32 digits of the 53-bit cyrb53 hash of `text` (its top 50 bits).
 * cyrb53 is public domain; the build's src/model/hash.ts is the same.
 */
export function keyDigits(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  let bits = Math.floor((4294967296 * (2097151 & h2) + (h1 >>> 0)) / 8)
  let out = ''
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[bits % 32] + out
    bits = Math.floor(bits / 32)
  }
  return out
}

/** What the codec needs of the course in `manifest`: its tag and every page's key. */
export function codeCourse(
  manifest: Pick<RuntimeManifest, 'course' | 'keyLength'> & { pages: readonly { id: string }[] },
): CodeCourse {
  return {
    tag: keyDigits(`course:${manifest.course}`).slice(0, 2),
    pages: manifest.pages.map((p) => ({ id: p.id, key: keyDigits(p.id).slice(0, manifest.keyLength) })),
  }
}
