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
  let session: Storage | null = null
  let held: ProgressState | null = null
  try {
    session = access.session()
    held = readFrom(session, key).state
  } catch {
    session = null
  }
  return new Store(key, session, newSeed, placeProgress(key, access, session, held, newSeed))
}

/** Where the progress was put on opening, and what it is. */
interface Placed {
  storage: Storage | null
  kind: StoreKind
  state: ProgressState
  unreadable: boolean
}

/** Writes the progress to `localStorage`, else to `sessionStorage`, else nowhere (memory). */
function placeProgress(
  key: string,
  access: StorageAccess,
  session: Storage | null,
  held: ProgressState | null,
  newSeed: () => string,
): Placed {
  let fromLocal: ProgressState | null = null
  let unreadable = false
  // Set once localStorage has taken the progress: if tidying sessionStorage then throws, it still holds it.
  let written: Storage | null = null
  try {
    const local = access.local()
    const found = readFrom(local, key)
    fromLocal = found.state
    unreadable = found.raw !== null && !found.state && !held
    const state = held ?? fromLocal ?? freshState(newSeed())
    local.setItem(key, JSON.stringify(state))
    written = local
    if (held && session) session.removeItem(key)
    return { storage: local, kind: 'local', state, unreadable }
  } catch {
    const state = held ?? fromLocal ?? freshState(newSeed())
    try {
      if (!session) throw new Error('no session storage')
      session.setItem(key, JSON.stringify(state))
      return { storage: session, kind: 'session', state, unreadable }
    } catch {
      // Nowhere (else) to write: progress lasts as long as this page.
      return { storage: written, kind: written ? 'local' : 'memory', state, unreadable }
    }
  }
}

/** The open progress: read once, written through on every change. */
class Store implements ProgressStore {
  kind: StoreKind
  failed = false
  readonly unreadable: boolean
  state: ProgressState
  private storage: Storage | null

  constructor(
    private readonly key: string,
    private readonly session: Storage | null,
    private readonly newSeed: () => string,
    placed: Placed,
  ) {
    this.storage = placed.storage
    this.kind = placed.kind
    this.state = placed.state
    this.unreadable = placed.unreadable
  }

  update(change: (state: ProgressState) => void): void {
    try {
      const latest = this.storage ? readFrom(this.storage, this.key).state : null
      if (latest) this.state = latest
    } catch {
      // Reading failed: carry on from what this page already knows.
    }
    change(this.state)
    this.write()
  }

  reset(): void {
    this.update((s) => {
      s.seed = this.newSeed()
      s.done = []
      s.attempts = Object.create(null) as Record<string, AttemptRecord>
    })
  }

  /** Write through; when `localStorage` refuses (full), keep the visit going in `sessionStorage`. */
  private write(): void {
    const json = JSON.stringify(this.state)
    try {
      if (this.storage) this.storage.setItem(this.key, json)
      return
    } catch {
      this.failed = true
    }
    try {
      if (this.storage !== this.session && this.session) {
        this.session.setItem(this.key, json)
        this.storage = this.session
        this.kind = 'session'
        return
      }
    } catch {
      // Fall through to memory.
    }
    this.storage = null
    this.kind = 'memory'
  }
}
