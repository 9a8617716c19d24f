/**
 * SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, as base64: what a
 * Content-Security-Policy `'sha256-…'` source names. A page's `<style>`
 * blocks are few and short, and loading node:crypto for them would cost a
 * build more start-up time (about 10 ms) than hashing them here ever does.
 * test/render/sha256.test.ts holds it to node:crypto's digest.
 */

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
])

/** The SHA-256 digest of `text` (UTF-8), base64-encoded. */
export function sha256Base64(text: string): string {
  const data = new TextEncoder().encode(text)
  // The message, a 1 bit, zeros, and its length in bits as 64 bits: a whole number of 64-byte blocks.
  const blocks = Math.ceil((data.length + 9) / 64)
  const bytes = new Uint8Array(blocks * 64)
  bytes.set(data)
  bytes[data.length] = 0x80
  const view = new DataView(bytes.buffer)
  view.setUint32(bytes.length - 8, Math.floor(data.length / 0x20000000))
  view.setUint32(bytes.length - 4, (data.length * 8) >>> 0)

  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ])
  const w = new Uint32Array(64)
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block * 64 + i * 4)
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3)
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10)
      w[i] = w[i - 16]! + s0 + w[i - 7]! + s1
    }
    compress(h, w)
  }
  const digest = new DataView(new ArrayBuffer(32))
  for (let i = 0; i < 8; i++) digest.setUint32(i * 4, h[i]!)
  return Buffer.from(digest.buffer).toString('base64')
}

/** One block's 64 rounds, added into the hash state `h` (a Uint32Array keeps each word to 32 bits). */
function compress(h: Uint32Array, w: Uint32Array): void {
  const v = Array.from(h)
  for (let i = 0; i < 64; i++) {
    const [a, b, c, d, e, f, g, hh] = v as [number, number, number, number, number, number, number, number]
    const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0
    v[7] = g
    v[6] = f
    v[5] = e
    v[4] = (d + t1) >>> 0
    v[3] = c
    v[2] = b
    v[1] = a
    v[0] = (t1 + t2) >>> 0
  }
  for (let i = 0; i < 8; i++) h[i] = h[i]! + v[i]!
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n))
}
