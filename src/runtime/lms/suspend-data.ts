/**
 * The learner's progress as an LMS keeps it, in `cmi.suspend_data`: a
 * compact line of ASCII letters, digits, `.`, `-` and `_` (nothing an LMS
 * might escape or cut at), short enough for SCORM 1.2's 4,096 characters
 * even in a course of thousands of pages:
 *
 *     c1.9f2c0a1b3d4e5f60.5K7M3F2A.K7Q-k3x9a1-2
 *     │  │                │        └ attempts of pages not done: page key, bank hash, attempt, `_` between
 *     │  │                └ the pages done, as a progress code (progress-code.ts): where the run ends, exceptions
 *     │  └ the learner's seed: the same draws on every launch
 *     └ this format
 *
 * Pages are named by their keys, not positions, so the progress survives
 * the author's edits as it does in the browser. What is not kept: the
 * attempts of done pages (a done page shows no quiz) and when each page was
 * done (the LMS records the learner's progress itself).
 */
import { type CodeCourse, decodeProgress, encodeProgress } from '../progress-code.ts'
import { freshState, type ProgressState } from '../progress-state.ts'
import { MAX_ATTEMPT } from '../seeded-draw.ts'

const FORMAT = 'c1'
/** What a seed and a bank hash are made of (hex, base 36). */
const TOKEN = /^[0-9A-Za-z]+$/

/** The suspend data of `state` in `course` (its tag and page keys: `codeCourse` in page-key.ts). */
export function encodeSuspendData(state: ProgressState, course: CodeCourse): string {
  const done = new Set(state.done)
  const attempts: string[] = []
  for (const page of course.pages) {
    const a = state.attempts[page.id]
    if (!a || done.has(page.id) || !TOKEN.test(a.bank)) continue
    attempts.push(`${page.key}-${a.bank}-${a.n}`)
  }
  const seed = TOKEN.test(state.seed) ? state.seed : ''
  return [FORMAT, seed, encodeProgress(state.done, course), attempts.join('_')].join('.')
}

/**
 * The progress in `data`, or null when it is not suspend data of this
 * course (another format, another course, damaged). Keys of pages the
 * course no longer has are dropped.
 */
export function decodeSuspendData(data: string, course: CodeCourse): ProgressState | null {
  const parts = data.split('.')
  if (parts.length !== 4 || parts[0] !== FORMAT || !TOKEN.test(parts[1]!)) return null
  const decoded = decodeProgress(parts[2]!, course)
  if (!decoded.ok) return null
  const state = freshState(parts[1]!)
  state.done = decoded.done
  const byKey = new Map(course.pages.map((p) => [p.key, p.id]))
  for (const attempt of parts[3] ? parts[3].split('_') : []) {
    const fields = attempt.split('-')
    const id = byKey.get(fields[0] ?? '')
    const n = Number(fields[2])
    if (fields.length !== 3 || !id || !TOKEN.test(fields[1]!) || !Number.isInteger(n) || n < 0) continue
    state.attempts[id] = { bank: fields[1]!, n: Math.min(n, MAX_ATTEMPT) }
  }
  return state
}
