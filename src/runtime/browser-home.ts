/**
 * The browser's home for progress: `localStorage` under
 * `coursemark:<course>:v2`, so it survives closing the browser.
 *
 * Storage can be missing, blocked (privacy settings throw on access), full
 * (writes throw) or hold something unreadable. None of that may stop the
 * course: the home falls back to `sessionStorage` (progress lasts for the
 * visit) and then to memory (progress lasts for the page), and says which it
 * got so the page can tell the learner.
 *
 * Format 2 lives under a new key, and format 1 (`:v1`) is read when there is
 * no format 2 yet: a page of an older build still open in another tab keeps
 * reading and writing its own key instead of taking format 2 for garbage
 * and starting the learner afresh.
 */
import { type HomeKind, type ProgressHome, type ProgressState, parseProgress } from './progress-state.ts'

/** The storage key of a course's progress (format 2). */
export function storageKey(course: string): string {
  return 'coursemark:' + course + ':v2'
}

/** The key format 1 used; read once, when there is nothing under `storageKey`. */
export function legacyStorageKey(course: string): string {
  return 'coursemark:' + course + ':v1'
}

/** Where a home may look; getters because merely touching `window.localStorage` can throw. */
export interface StorageAccess {
  local: () => Storage
  session: () => Storage
}

/** What a storage holds for the course: `raw` set when something is there, `state` when it reads as progress. */
interface Found {
  raw: string | null
  state: ProgressState | null
}

/** Progress in `storage` under the format 2 key, else the format 1 key. Throws when the storage does. */
function readFrom(storage: Storage, course: string): Found {
  for (const key of [storageKey(course), legacyStorageKey(course)]) {
    const raw = storage.getItem(key)
    if (raw !== null) return { raw, state: parseProgress(raw) }
  }
  return { raw: null, state: null }
}

/** The browser home of course `course` (its id). */
export function openBrowserHome(course: string, access: StorageAccess): ProgressHome {
  return new BrowserHome(course, access)
}

/**
 * The first `load` looks in both storages; the first `save` places the
 * progress: in `localStorage` when it takes it, else in `sessionStorage`,
 * else nowhere (memory). `sessionStorage` holds progress only while
 * `localStorage` fails; its copy is the newer one, so it wins and moves back
 * once `localStorage` works.
 */
class BrowserHome implements ProgressHome {
  kind: HomeKind = 'memory'
  unreadable = false
  failed = false
  /** Where saves go once placed; null for memory. */
  private storage: Storage | null = null
  private placed = false
  private local: Storage | null = null
  private session: Storage | null = null
  /** True when the first load found progress in `sessionStorage`, to be moved back to `localStorage`. */
  private held = false

  constructor(
    private readonly course: string,
    private readonly access: StorageAccess,
  ) {}

  load(): ProgressState | null {
    if (this.placed) {
      try {
        return this.storage ? readFrom(this.storage, this.course).state : null
      } catch {
        return null
      }
    }
    let held: ProgressState | null = null
    try {
      this.session = this.access.session()
      held = readFrom(this.session, this.course).state
    } catch {
      this.session = null
    }
    this.held = held !== null
    let fromLocal: Found = { raw: null, state: null }
    try {
      this.local = this.access.local()
      fromLocal = readFrom(this.local, this.course)
    } catch {
      // Unreadable local storage is used as if empty; the first save finds out whether it can be written.
    }
    this.unreadable = fromLocal.raw !== null && !fromLocal.state && !held
    return held ?? fromLocal.state
  }

  save(state: ProgressState): boolean {
    const json = JSON.stringify(state)
    if (!this.placed) return this.place(json)
    try {
      if (this.storage) {
        this.storage.setItem(storageKey(this.course), json)
        return true
      }
    } catch {
      this.failed = true
    }
    // localStorage refused (full): keep the visit going in sessionStorage.
    if (this.storage !== this.session && this.trySave(this.session, json)) return true
    this.storage = null
    this.kind = 'memory'
    return false
  }

  /** The first save: into `localStorage`, else `sessionStorage`, else memory. */
  private place(json: string): boolean {
    this.placed = true
    if (this.trySave(this.local, json)) {
      // Tidy up after the write: if that throws, localStorage still holds the progress.
      try {
        this.local?.removeItem(legacyStorageKey(this.course))
        if (this.held) this.session?.removeItem(storageKey(this.course))
      } catch {
        // Leftovers are harmless: format 2 is read first, and a session copy only while local fails.
      }
      return true
    }
    if (this.trySave(this.session, json)) return true
    this.kind = 'memory'
    return false
  }

  /** Write to `storage` and make it the home's; false when it throws or is missing. */
  private trySave(storage: Storage | null, json: string): boolean {
    if (!storage) return false
    try {
      storage.setItem(storageKey(this.course), json)
    } catch {
      return false
    }
    this.storage = storage
    this.kind = storage === this.local ? 'local' : 'session'
    return true
  }
}
