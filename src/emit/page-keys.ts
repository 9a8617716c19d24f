/**
 * How long the page keys of progress codes are (src/runtime/progress-code.ts).
 * A page's key is the first L characters of a hash of its id, made by the
 * runtime from the manifest (src/runtime/page-key.ts); the build chooses L
 * and checks that the course's keys all differ at it.
 *
 * Keys are prefixes of one hash, so a key made by an older build with
 * another L still names the same page, as long as no other page shares it.
 * L is therefore not the shortest length at which keys differ (adding one
 * page could change it, and 2 characters cannot tell 3 pages in 1,000
 * apart) but the shortest at which n pages would rarely collide at all
 * (32^L ≥ 8n²: L = 3 up to 64 pages, 6 up to 11,585), longer if they do.
 */
import { hash53 } from '../model/hash.ts'

/** Crockford's base32, as the runtime's progress-code.ts spells it (a test holds the two alike). */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** The longest key: the hash gives 10 characters (its top 50 bits). */
const MAX_KEY = 10

/** The 10 base32 digits of `text`'s hash, as the runtime's `keyDigits` makes them. */
export function keyDigits(text: string): string {
  let bits = Math.floor(hash53(text) / 8)
  let out = ''
  for (let i = 0; i < MAX_KEY; i++) {
    out = CODE_ALPHABET[bits % 32] + out
    bits = Math.floor(bits / 32)
  }
  return out
}

/** The key length of a course with these page ids: at least `minimumKeyLength`, longer until all keys differ. */
export function keyLength(ids: readonly string[]): number {
  const digits = ids.map(keyDigits)
  for (let length = minimumKeyLength(ids.length); length <= MAX_KEY; length++) {
    if (new Set(digits.map((d) => d.slice(0, length))).size === ids.length) return length
  }
  throw new Error('two page ids whose hashes agree in 50 bits')
}

/** The shortest L ≥ 2 with 32^L ≥ 8·pages². */
export function minimumKeyLength(pages: number): number {
  let length = 2
  while (32 ** length < 8 * pages * pages) length++
  return length
}
