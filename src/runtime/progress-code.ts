/**
 * The pages a learner has done, as a code short enough to type: the same
 * text makes the progress link (`…/#progress=<code>`) and can sit inside an
 * LMS's suspend data. ASCII letters and digits only.
 *
 * Every page has a key made by the build (the first L characters of a hash
 * of its id, L the shortest length at which the course's keys differ), so a
 * code names pages, not positions, and survives the author's edits as stored
 * progress does. Gating makes the pages done nearly always a run from the
 * start, so a code says where the run ends and lists the exceptions:
 *
 *     H  TT  N  AAA BBB  EEE…  XXX…  CC
 *     │  │   │  │   │    │     │     └ checksum: 2 characters, 3 past 960
 *     │  │   │  │   │    │     └ extras: done, after the run
 *     │  │   │  │   │    └ exceptions (N of them): in the run, not done
 *     │  │   │  │   └ the done page before the run's end, used if the end was deleted
 *     │  │   │  └ the run's end: it and every page before it are done
 *     │  │   └ N, the number of exceptions (4 bits a character, 16 = more follows)
 *     │  └ the course tag: a code of another course is refused
 *     └ (L − 2) × 3 + the number of run-end keys (0–2); 30 and 31 are for later formats
 *
 * Decoded in a newer build, the run is every page up to its end in the new
 * order: a page the author inserted before it counts as done, as the gate
 * already treats it as open; keys of pages that no longer exist are ignored.
 *
 * Characters are Crockford's base32 (no I, L, O, U); input ignores case,
 * spaces and hyphens, and reads O as 0 and I or L as 1. The checksum is a
 * position-weighted sum modulo a prime, which refuses every change of one
 * character and every swap of two neighbours (proved beside `checksum`).
 */

/** Crockford's base32 digits, value = position. */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** What the codec needs of a course (`codeCourse` in page-key.ts makes it from the manifest). */
export interface CodeCourse {
  /** Two alphabet characters from a hash of the course id. */
  tag: string
  /** The course pages in order, each with its key (all of one length, 2 to 10 characters). */
  pages: ReadonlyArray<{ readonly id: string; readonly key: string }>
}

/** Why a code was refused. */
export type CodeProblem =
  /** Nothing was typed. */
  | 'empty'
  /** A character that is never part of a code (`char` says which). */
  | 'character'
  /** The checksum or the layout does not match: a mistyped or cut-off code. */
  | 'mistyped'
  /** A code in a format this version of coursemark does not know. */
  | 'newer'
  /** A code of another course. */
  | 'other-course'

/** The pages a code says are done (ids in course order), or why it was refused. */
export type DecodedProgress = { ok: true; done: string[] } | { ok: false; problem: CodeProblem; char?: string }

/** Longest payload with a 2-character checksum; longer ones get 3 (see `checksum`). */
const SHORT_PAYLOAD = 960
/** Header values from here on are formats yet to come. */
const FIRST_LATER_FORMAT = 30

/** The code of the pages of `course` in `done` (ids of other pages are ignored), without hyphens. */
export function encodeProgress(done: Iterable<string>, course: CodeCourse): string {
  const length = keyLength(course)
  const isDone = new Set(done)
  const flags = course.pages.map((p) => isDone.has(p.id))
  const end = bestRunEnd(flags)
  const anchors = end < 0 ? [] : [end, flags.lastIndexOf(true, end - 1)].filter((i) => i >= 0)
  const exceptions: number[] = []
  const extras: number[] = []
  flags.forEach((d, i) => {
    if (i <= end && !d) exceptions.push(i)
    if (i > end && d) extras.push(i)
  })
  const keys = [...anchors, ...exceptions, ...extras].map((i) => course.pages[i]!.key).join('')
  const payload = ALPHABET[(length - 2) * 3 + anchors.length] + course.tag + varint(exceptions.length) + keys
  return payload + checksum(digits(payload))
}

/** `raw` in hyphen-separated groups of 4, as a learner reads and types it. */
export function groupCode(raw: string): string {
  return (raw.match(/.{1,4}/g) ?? []).join('-')
}

/**
 * What a learner typed or pasted, as alphabet characters: case, spaces,
 * hyphens and dashes ignored, O read as 0, I and L as 1, and anything up to
 * `progress=` dropped (a whole link pasted). A character that can be none of
 * these comes back as `{ char }`.
 */
export function normalizeCode(input: string): string | { char: string } {
  const at = input.lastIndexOf('progress=')
  let out = ''
  for (const ch of at >= 0 ? input.slice(at + 'progress='.length) : input) {
    if (/[\s\-\u2010-\u2015.]/.test(ch)) continue
    const upper = ch.toUpperCase()
    const c = upper === 'O' ? '0' : upper === 'I' || upper === 'L' ? '1' : upper
    if (c.length !== 1 || !ALPHABET.includes(c)) return { char: ch }
    out += c
  }
  return out
}

/** The pages of `course` that the code `input` says are done, or why it is refused. */
export function decodeProgress(input: string, course: CodeCourse): DecodedProgress {
  const code = normalizeCode(input)
  if (typeof code !== 'string') return { ok: false, problem: 'character', char: code.char }
  if (code === '') return { ok: false, problem: 'empty' }
  const values = digits(code)
  const checkLength = values.length <= SHORT_PAYLOAD + 2 ? 2 : values.length >= SHORT_PAYLOAD + 4 ? 3 : 0
  const payload = values.slice(0, values.length - checkLength)
  if (checkLength === 0 || payload.length < 4 || checksum(payload) !== code.slice(payload.length)) {
    return { ok: false, problem: 'mistyped' }
  }
  const header = payload[0]!
  if (header >= FIRST_LATER_FORMAT) return { ok: false, problem: 'newer' }
  if (code.slice(1, 3) !== course.tag) return { ok: false, problem: 'other-course' }
  const length = Math.floor(header / 3) + 2
  const count = readVarint(payload, 3)
  const body = code.slice(count.next, payload.length)
  const anchors = header % 3
  if (!count.ok || body.length % length !== 0 || body.length / length < anchors + count.value) {
    return { ok: false, problem: 'mistyped' }
  }
  const keys = body.match(new RegExp(`.{${length}}`, 'g')) ?? []
  return { ok: true, done: donePages(course, keys, anchors, count.value) }
}

/** The pages done, in course order, from a code's keys: anchors, then exceptions, then extras. */
function donePages(course: CodeCourse, keys: string[], anchors: number, exceptions: number): string[] {
  const find = keyFinder(course)
  const ends = keys.slice(0, anchors).map(find)
  const end = ends.find((i) => i >= 0) ?? -1
  const done = course.pages.map((_, i) => i <= end)
  for (const key of keys.slice(anchors, anchors + exceptions)) {
    const i = find(key)
    if (i >= 0) done[i] = false
  }
  for (const key of keys.slice(anchors + exceptions)) {
    const i = find(key)
    if (i >= 0) done[i] = true
  }
  return course.pages.filter((_, i) => done[i]).map((p) => p.id)
}

/**
 * Finds the position of the page a key names, -1 for none. A key of another
 * length (an older build, with fewer or more pages) names the page whose key
 * it begins or which begins it, when exactly one page does.
 */
function keyFinder(course: CodeCourse): (key: string) => number {
  const exact = new Map(course.pages.map((p, i) => [p.key, i]))
  return (key) => {
    const found = exact.get(key)
    if (found !== undefined) return found
    let match = -1
    course.pages.forEach((p, i) => {
      if (p.key.length === key.length || !(p.key.startsWith(key) || key.startsWith(p.key))) return
      match = match === -1 ? i : -2
    })
    // -2: more than one page begins with the key, so it names none of them for sure.
    return Math.max(match, -1)
  }
}

/** The length of the course's page keys, checked: the build makes them 2 to 11 characters, all alike. */
export function keyLength(course: CodeCourse): number {
  const length = course.pages[0]?.key.length ?? 2
  if (length < 2 || length > 11 || course.pages.some((p) => p.key.length !== length) || course.tag.length !== 2)
    throw new Error('page keys must be 2 to 11 characters, all of one length, and the course tag 2')
  return length
}

/**
 * Where the run should end (the position of a done page, or -1 for no run)
 * so that the fewest pages need listing: those in the run not done plus
 * those after it done. Ties go to the later end.
 */
function bestRunEnd(flags: readonly boolean[]): number {
  let doneAfter = flags.filter(Boolean).length
  let notDoneBefore = 0
  let best = -1
  let bestCost = doneAfter
  flags.forEach((done, i) => {
    if (done) doneAfter--
    else notDoneBefore++
    if (done && notDoneBefore + doneAfter <= bestCost) {
      best = i
      bestCost = notDoneBefore + doneAfter
    }
  })
  return best
}

/** A count in base32 digits of 4 bits, lowest first, each but the last with 16 added. */
function varint(n: number): string {
  let out = ''
  let rest = n
  while (rest >= 16) {
    out += ALPHABET[(rest % 16) + 16]
    rest = Math.floor(rest / 16)
  }
  return out + ALPHABET[rest]
}

function readVarint(values: readonly number[], from: number): { ok: boolean; value: number; next: number } {
  let value = 0
  let scale = 1
  for (let i = from; i < values.length && i < from + 8; i++) {
    const v = values[i]!
    value += (v % 16) * scale
    scale *= 16
    if (v < 16) return { ok: true, value, next: i + 1 }
  }
  return { ok: false, value: 0, next: from }
}

function digits(code: string): number[] {
  return Array.from(code, (c) => ALPHABET.indexOf(c))
}

/**
 * The check characters of a payload v₁…vₙ: C = Σ i·vᵢ mod p, written as 2
 * digits with p = 1021 (n ≤ 960) or 3 digits with p = 32749. Why it refuses
 * every single change and every swap of neighbours (δ ≠ 0, |δ| ≤ 31 < p):
 * - a payload digit changed: C moves by i·δ ≢ 0, as 0 < i < p;
 * - two payload digits swapped: C moves by ±δ;
 * - a check digit changed, or two swapped: the written C moves by δ·32ᵏ or
 *   by 31δ, 992δ (and a value ≥ p is no checksum at all);
 * - the last payload digit vₙ swapped with the first check digit h: the
 *   payload's C and the written one then differ by (32ᵏ + n)(h − vₙ) mod p,
 *   not 0 because 32ᵏ + n < p (k = 1 or 2: n ≤ 960, n ≤ 31724).
 * Payloads stay far below the second limit: a 5,800-page course's worst code
 * lists half its pages.
 */
function checksum(values: readonly number[]): string {
  const long = values.length > SHORT_PAYLOAD
  const prime = long ? 32749 : 1021
  let sum = 0
  values.forEach((v, i) => {
    sum = (sum + (i + 1) * v) % prime
  })
  const high = long ? [ALPHABET[sum >> 10]] : []
  return [...high, ALPHABET[(sum >> 5) & 31], ALPHABET[sum & 31]].join('')
}
