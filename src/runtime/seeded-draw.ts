/**
 * Which bank statements a learner sees on one attempt of a quiz.
 *
 * The draw is a pure function of the learner's seed, the page id, the attempt
 * number and the bank's size, so a reload shows the same statements and a
 * retry shows new ones without storing the draw itself. Each attempt prefers
 * statements the previous attempt did not show (where the bank has enough of
 * them), so a retry tests understanding rather than memory of the last set.
 */

/** Attempts beyond this are drawn as this one: keeps a corrupt counter cheap. */
export const MAX_ATTEMPT = 9999

/** FNV-1a over UTF-16 code units, then a final avalanche so close strings spread. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  return h >>> 0
}

/** mulberry32: a small, fast PRNG with a 32-bit state; returns floats in [0, 1). */
export function makeRandom(state: number): () => number {
  let a = state | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The bank positions 0..size-1 in a Fisher–Yates order driven by `random`. */
function shuffledPositions(size: number, random: () => number): number[] {
  const order: number[] = []
  for (let i = 0; i < size; i++) order.push(i)
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const t = order[i] as number
    order[i] = order[j] as number
    order[j] = t
  }
  return order
}

/**
 * One attempt's draw given what the attempt before it showed.
 *
 * Shuffle the whole bank, take unseen positions first and seen ones only to
 * make up the number, then show the chosen ones in shuffled order (so reused
 * statements are not always last).
 */
function drawOne(size: number, count: number, random: () => number, previous: ReadonlySet<number>): number[] {
  const order = shuffledPositions(size, random)
  const ranked = order.filter((i) => !previous.has(i)).concat(order.filter((i) => previous.has(i)))
  const chosen = new Set(ranked.slice(0, count))
  return order.filter((i) => chosen.has(i))
}

/**
 * The bank positions shown on attempt `attempt` (0 is the first) of a quiz
 * with `size` statements of which `n` are asked, for one learner and page.
 *
 * Always distinct positions, `min(n, size)` of them; never loops, whatever
 * `n` is.
 */
export function drawStatements(seed: string, pageId: string, attempt: number, size: number, n: number): number[] {
  const count = Math.max(0, Math.min(Math.floor(n) || 0, size))
  const last = Math.min(Math.max(0, Math.floor(attempt) || 0), MAX_ATTEMPT)
  let shown: number[] = []
  for (let a = 0; a <= last; a++) {
    const random = makeRandom(hashString(seed + '\u0000' + pageId + '\u0000' + a))
    shown = drawOne(size, count, random, new Set(shown))
  }
  return shown
}
