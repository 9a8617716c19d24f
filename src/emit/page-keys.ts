/**
 * Short keys for progress codes (src/runtime/progress-code.ts): each page's
 * key is the first L characters of a hash of its id; the course tag is 2
 * characters of a hash of the course id.
 *
 * Keys are prefixes of one hash, so a key made by an older build with
 * another L still names the same page, as long as no other page shares it.
 * L is therefore not the shortest length at which keys differ (adding one
 * page could change it, and 2 characters cannot tell 3 pages in 1,000
 * apart) but the shortest at which n pages would rarely collide at all
 * (32^L ≥ 8n²: L = 3 up to 64 pages, 6 up to 11,585), longer if they do.
 */
import { createHash } from 'node:crypto'

/** Crockford's base32, as the runtime's progress-code.ts spells it (a test holds the two alike). */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** The longest key: 11 characters hold the 55 bits taken from the hash. */
const MAX_KEY = 11

/** 55 bits of SHA-256 of `text` as 11 base32 characters. */
function hashDigits(text: string): string {
  const bytes = createHash('sha256').update(text, 'utf8').digest()
  let bits = 0n
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(bytes[i]!)
  let out = ''
  for (let i = MAX_KEY - 1; i >= 0; i--) out += CODE_ALPHABET[Number((bits >> BigInt(i * 5 + 1)) & 31n)]
  return out
}

/** The key of each page id, in the order given: all of one length, at least `keyLength(ids.length)`, all different. */
export function pageKeys(ids: readonly string[]): string[] {
  const hashes = ids.map(hashDigits)
  for (let length = keyLength(ids.length); length <= MAX_KEY; length++) {
    const keys = hashes.map((h) => h.slice(0, length))
    if (new Set(keys).size === keys.length) return keys
  }
  throw new Error('two page ids whose hashes agree in 55 bits')
}

/** The key length for a course of `pages` pages: the shortest L ≥ 2 with 32^L ≥ 8·pages². */
export function keyLength(pages: number): number {
  let length = 2
  while (32 ** length < 8 * pages * pages) length++
  return length
}

/** The 2-character tag of a course id: a progress code of another course is refused. */
export function courseTag(courseId: string): string {
  return hashDigits(`course:${courseId}`).slice(0, 2)
}
