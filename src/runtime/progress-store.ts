/**
 * The learner's progress in one course, kept in `localStorage` under
 * `coursemark:<course>:v1` so it survives closing the browser.
 *
 * Storage can be missing, blocked (privacy settings throw on access), full
 * (writes throw) or hold something unreadable. None of that may stop the
 * course: the store falls back to `sessionStorage` (progress lasts for the
 * visit) and then to memory (progress lasts for the page), and says which it
 * got so the page can tell the learner.
 */
import { MAX_ATTEMPT } from './seeded-draw.ts'

/** The attempt a learner is on for one page's quiz. */
export interface AttemptRecord {
  /** Hash of the bank the attempt was drawn from; another hash means the quiz changed. */
  bank: string
  /** The attempt number, 0 for the first. */
  n: number
}

/** What is stored for one learner of one course (the JSON under the key). */
export interface ProgressState {
  /** Format version of this object. */
  v: 1
  /** The learner's random seed for quiz draws, made on the first visit. */
  seed: string
  /** Ids of the pages the learner has completed, in the order completed. */
  done: string[]
  /** The current attempt per page id (a prototype-free object, safe for any id). */
  attempts: Record<string, AttemptRecord>
}

/** Where the progress lives for this page view. */
export type StoreKind = 'local' | 'session' | 'memory'

/** The progress of one course, read once and written through on every change. */
export interface ProgressStore {
  /** `local` survives a browser restart; `session` lasts for this visit; `memory` for this page only. */
  readonly kind: StoreKind
  /** True when stored progress could not be read and was started afresh. */
  readonly unreadable: boolean
  /** True once a write has failed: what follows is not kept. */
  readonly failed: boolean
  /** The current progress; change it only through `update`. */
  readonly state: ProgressState
  /** Re-read the stored progress (another tab may have changed it), apply `change`, and write it. */
  update(change: (state: ProgressState) => void): void
  /** Forget every page done and every attempt, with a new seed. */
  reset(): void
}

/** The storage key of a course. */
export function storageKey(course: string): string {
  return 'coursemark:' + course + ':v1'
}

/** A new learner seed: 64 random bits as hex. */
export function makeSeed(): string {
  const words = new Uint32Array(2)
  crypto.getRandomValues(words)
  return Array.from(words, (w) => w.toString(16).padStart(8, '0')).join('')
}

/** Empty progress with the given seed. */
export function freshState(seed: string): ProgressState {
  return { v: 1, seed, done: [], attempts: Object.create(null) as Record<string, AttemptRecord> }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Stored JSON as progress, or null when it is not progress at all. Entries
 * that are wrong in themselves (a non-string id, a negative attempt) are
 * dropped rather than failing the whole record.
 */
export function parseProgress(raw: string): ProgressState | null {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (!isObject(value) || value.v !== 1 || typeof value.seed !== 'string' || value.seed === '') return null
  if (!Array.isArray(value.done) || !isObject(value.attempts)) return null
  const state = freshState(value.seed)
  for (const id of value.done) if (typeof id === 'string' && !state.done.includes(id)) state.done.push(id)
  for (const id of Object.keys(value.attempts)) {
    const record = value.attempts[id]
    if (
      isObject(record) &&
      typeof record.bank === 'string' &&
      Number.isInteger(record.n) &&
      (record.n as number) >= 0
    ) {
      state.attempts[id] = { bank: record.bank, n: Math.min(record.n as number, MAX_ATTEMPT) }
    }
  }
  return state
}

/** Where a store may look; getters because merely touching `window.localStorage` can throw. */
export interface StorageAccess {
  local: () => Storage
  session: () => Storage
}

/** Read progress from a storage; null when there is none or it is unreadable. Throws when the storage does. */
function readFrom(storage: Storage, key: string): { raw: string | null; state: ProgressState | null } {
  const raw = storage.getItem(key)
  return { raw, state: raw === null ? null : parseProgress(raw) }
}

/**
 * Open the progress of the course stored under `key`, writing it back at
 * once: a storage that cannot be written is found now, not after the learner
 * has passed a quiz.
 *
 * `sessionStorage` holds progress only while `localStorage` fails; its copy
 * is the newer one, so it wins and moves back once `localStorage` works.
 */
export function openProgressStore(key: string, access: StorageAccess, newSeed: () => string): ProgressStore {
  let unreadable = false
  let failed = false
  let kind: StoreKind = 'memory'
  let storage: Storage | null = null
  let session: Storage | null = null
  let held: ProgressState | null = null
  try {
    session = access.session()
    held = readFrom(session, key).state
  } catch {
    session = null
  }
  let fromLocal: ProgressState | null = null
  let current: ProgressState
  try {
    const local = access.local()
    const found = readFrom(local, key)
    fromLocal = found.state
    unreadable = found.raw !== null && !found.state && !held
    current = held ?? fromLocal ?? freshState(newSeed())
    local.setItem(key, JSON.stringify(current))
    storage = local
    kind = 'local'
    if (held && session) session.removeItem(key)
  } catch {
    current = held ?? fromLocal ?? freshState(newSeed())
    try {
      if (!session) throw new Error('no session storage')
      session.setItem(key, JSON.stringify(current))
      storage = session
      kind = 'session'
    } catch {
      // Nowhere to write: progress lasts as long as this page.
    }
  }
  let state: ProgressState = current

  /** Write through; when `localStorage` refuses (full), keep the visit going in `sessionStorage`. */
  function write(): void {
    const json = JSON.stringify(state)
    try {
      if (storage) storage.setItem(key, json)
      return
    } catch {
      failed = true
    }
    try {
      if (storage !== session && session) {
        session.setItem(key, json)
        storage = session
        kind = 'session'
        return
      }
    } catch {
      // Fall through to memory.
    }
    storage = null
    kind = 'memory'
  }

  return {
    get kind() {
      return kind
    },
    get unreadable() {
      return unreadable
    },
    get failed() {
      return failed
    },
    get state() {
      return state
    },
    update(change) {
      try {
        const latest = storage ? readFrom(storage, key).state : null
        if (latest) state = latest
      } catch {
        // Reading failed: carry on from what this page already knows.
      }
      change(state)
      write()
    },
    reset() {
      this.update((s) => {
        s.seed = newSeed()
        s.done = []
        s.attempts = Object.create(null) as Record<string, AttemptRecord>
      })
    },
  }
}
