/**
 * The learner's progress as one value, and the interface of the places it
 * can live (a `ProgressHome`: the browser's storage, an LMS). The store
 * (progress-store.ts) reads and writes a home without caring which it is.
 *
 * Format 2 adds, per page, when it was done and in how many attempts (for
 * the completion record). Format 1, which coursemark wrote before, is read
 * as format 2 with no dates.
 */
import { MAX_ATTEMPT } from './seeded-draw.ts'

/** The attempt a learner is on for one page's quiz. */
export interface AttemptRecord {
  /** Hash of the bank the attempt was drawn from; another hash means the quiz changed. */
  bank: string
  /** The attempt number, 0 for the first. */
  n: number
}

/** How and when a page was done, for the completion record. */
export interface PassRecord {
  /** When the page was done: an ISO 8601 date and time (`Date#toISOString`). */
  at: string
  /** Attempts the quiz took (1 = passed at the first try); 0 for a page without a quiz. */
  attempts: number
  /** `here` when done in this home; `moved` when added from another device's code or link. */
  from: 'here' | 'moved'
}

/** What is stored for one learner of one course. */
export interface ProgressState {
  /** Format version of this object. */
  v: 2
  /** The learner's random seed for quiz draws, made on the first visit. */
  seed: string
  /** Ids of the pages the learner has completed, in the order completed. */
  done: string[]
  /** The current attempt per page id (a prototype-free object, safe for any id). */
  attempts: Record<string, AttemptRecord>
  /** How each done page was done, by page id (prototype-free); pages done before format 2 have none. */
  passed: Record<string, PassRecord>
}

/** Where progress lives: the browser's local or session storage, this page's memory, or an LMS. */
export type HomeKind = 'local' | 'session' | 'memory' | 'lms'

/**
 * A place progress is kept. The store above it re-reads before every change
 * and writes the whole state after it; a home only has to keep one value.
 */
export interface ProgressHome {
  /** Where the progress is now; a browser home can move from `local` to `session` to `memory` as writes fail. */
  readonly kind: HomeKind
  /** True when progress was stored but could not be read, and so starts afresh. */
  readonly unreadable: boolean
  /** True once a save has failed: what follows may not be kept. */
  readonly failed: boolean
  /**
   * The stored progress; null when there is none or it cannot be read now.
   * Synchronous, because the gate runs in `<head>` before the page paints.
   */
  load(): ProgressState | null
  /** Keep the whole state; false when it could not be kept anywhere lasting. */
  save(state: ProgressState): boolean
}

/** Empty progress with the given seed. */
export function freshState(seed: string): ProgressState {
  return { v: 2, seed, done: [], attempts: emptyRecord(), passed: emptyRecord() }
}

/** A prototype-free object: a page id such as `__proto__` is data, not a prototype. */
function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/**
 * Mark page `id` done at `at` (ISO), after `attempts` attempts; a page
 * already done keeps its first record.
 */
export function recordDone(state: ProgressState, id: string, attempts: number, at: string): void {
  if (state.done.includes(id)) return
  state.done.push(id)
  state.passed[id] = { at, attempts, from: 'here' }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0

/**
 * Stored JSON (format 1 or 2) as progress, or null when it is not progress
 * at all. Entries that are wrong in themselves (a non-string id, a negative
 * attempt, a date that is not one) are dropped rather than failing the whole record.
 */
export function parseProgress(raw: string): ProgressState | null {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (!isObject(value) || (value.v !== 1 && value.v !== 2)) return null
  if (typeof value.seed !== 'string' || value.seed === '') return null
  if (!Array.isArray(value.done) || !isObject(value.attempts)) return null
  const state = freshState(value.seed)
  // A set keeps this linear: a finished long course has thousands of ids, read on every page.
  const done = new Set<string>()
  for (const id of value.done) {
    if (typeof id !== 'string' || done.has(id)) continue
    done.add(id)
    state.done.push(id)
  }
  for (const id of Object.keys(value.attempts)) {
    const record = value.attempts[id]
    if (isObject(record) && typeof record.bank === 'string' && isCount(record.n)) {
      state.attempts[id] = { bank: record.bank, n: Math.min(record.n, MAX_ATTEMPT) }
    }
  }
  const passed = isObject(value.passed) ? value.passed : {}
  for (const id of Object.keys(passed)) {
    const r = passed[id]
    // The record page shows a date it cannot read as unknown, so `at` need only be a string here.
    if (done.has(id) && isObject(r) && isCount(r.attempts) && typeof r.at === 'string')
      state.passed[id] = { at: r.at, attempts: r.attempts, from: r.from === 'moved' ? 'moved' : 'here' }
  }
  return state
}
