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
import { type ProgressHome, type ProgressState, parseProgress } from './progress-state.ts'

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

/** What the first load finds: the storages that can be touched, and the progress, the session's copy first. */
function firstLoad(access: StorageAccess, course: string) {
  let session: Storage | null = null
  let fromSession: ProgressState | null = null
  try {
    session = access.session()
    fromSession = readFrom(session, course).state
  } catch {
    session = null
  }
  let local: Storage | null = null
  let fromLocal: Found = { raw: null, state: null }
  try {
    local = access.local()
    fromLocal = readFrom(local, course)
  } catch {
    // Unreadable local storage is used as if empty; the first save finds out whether it can be written.
  }
  const held = fromSession !== null
  return {
    local,
    session,
    held,
    unreadable: fromLocal.raw !== null && !fromLocal.state && !held,
    state: fromSession ?? fromLocal.state,
  }
}

/**
 * Remove the local copy of progress that has moved to `sessionStorage`: it is
 * stale, and the page's head gate (first-paint/gate.ts), which reads only
 * `localStorage`, would believe it.
 */
function dropStale(local: Storage | null, key: string): void {
  try {
    local?.removeItem(key)
  } catch {
    // Blocked altogether: the gate cannot read it either.
  }
}

/**
 * The browser home of course `course` (its id). The first `load` looks in
 * both storages; the first `save` places the progress: in `localStorage`
 * when it takes it, else in `sessionStorage`, else nowhere (memory).
 * `sessionStorage` holds progress only while `localStorage` fails; its copy
 * is the newer one, so it wins and moves back once `localStorage` works.
 * (Closures rather than a class: the names minify, and every page loads this.)
 */
export function openBrowserHome(course: string, access: StorageAccess): ProgressHome {
  const key = storageKey(course)
  /** Where saves go once placed; null for memory. */
  let storage: Storage | null = null
  let placed = false
  let local: Storage | null = null
  let session: Storage | null = null
  /** True when the first load found progress in `sessionStorage`, to be moved back to `localStorage`. */
  let held = false
  const home: { -readonly [K in keyof ProgressHome]: ProgressHome[K] } = {
    kind: 'memory',
    unreadable: false,
    failed: false,
    load,
    save,
  }

  /** Write to `to` and make it the home's; false when it throws or is missing. */
  function trySave(to: Storage | null, json: string): boolean {
    if (!to) return false
    try {
      to.setItem(key, json)
    } catch {
      return false
    }
    storage = to
    home.kind = to === local ? 'local' : 'session'
    return true
  }

  function load(): ProgressState | null {
    if (!placed) {
      const first = firstLoad(access, course)
      local = first.local
      session = first.session
      held = first.held
      home.unreadable = first.unreadable
      return first.state
    }
    try {
      return storage ? readFrom(storage, course).state : null
    } catch {
      return null
    }
  }

  function save(state: ProgressState): boolean {
    const json = JSON.stringify(state)
    if (!placed) {
      placed = true
      if (trySave(local, json)) {
        // Tidy up after the write: if that throws, localStorage still holds the progress.
        try {
          local?.removeItem(legacyStorageKey(course))
          if (held) session?.removeItem(key)
        } catch {
          // Leftovers are harmless: format 2 is read first, and a session copy only while local fails.
        }
        return true
      }
    } else {
      try {
        if (storage) {
          storage.setItem(key, json)
          return true
        }
      } catch {
        home.failed = true
      }
    }
    // localStorage refused (blocked or full): keep the visit going in sessionStorage.
    dropStale(local, key)
    if (storage !== session && trySave(session, json)) return true
    storage = null
    home.kind = 'memory'
    return false
  }

  return home
}
