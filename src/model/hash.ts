/**
 * A fast 53-bit string hash (cyrb53, public domain) for ids that must be
 * stable, not secret: statement ids and bank hashes. node:crypto costs more
 * per call than hashing a whole statement this way.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** `hash53` as a short base-36 id. Each half converts on its own: a 53-bit number's toString(36) is slow in V8. */
export function shortHash(text: string): string {
  const h = hash53(text)
  return Math.floor(h / 4294967296).toString(36) + (h >>> 0).toString(36)
}

/**
 * Ten hex digits (40 bits) of `hash53`, for a name or version that must change
 * whenever the content does (an asset's name, a file's revision, the build's
 * version), which is all a cache needs. Not node:crypto: a build of a course
 * the corpus's size loads none (3 to 10 ms saved); a 100× course spends about
 * 8% of its build here, where hashing the bytes it writes with node:crypto
 * would be cheaper (README, Benchmark).
 */
export function hexHash(text: string): string {
  return hex10(hash53(text))
}

/**
 * `hexHash` of several texts in turn, each hashed with the hash so far as its
 * seed: what joining them would give a name, without a string the size of
 * them all (the pages of a large course run to tens of megabytes).
 */
export function hexHashOf(texts: Iterable<string>): string {
  let h = 0
  for (const text of texts) h = hash53(text, (h >>> 0) ^ Math.floor(h / 0x100000000) ^ text.length)
  return hex10(h)
}

function hex10(h: number): string {
  return (Math.floor(h / 0x100000000) & 0xff).toString(16).padStart(2, '0') + (h >>> 0).toString(16).padStart(8, '0')
}
