/**
 * The learner's progress in one course, read once from its home (the
 * browser's storage, browser-home.ts, or an LMS) and written through on every
 * change. The store re-reads before each change, so another tab's progress
 * is not overwritten, and tells listeners after it.
 */
import {
  type AttemptRecord,
  freshState,
  type HomeKind,
  type PassRecord,
  type ProgressHome,
  type ProgressState,
} from './progress-state.ts'

/** Where the progress lives for this page view (kept for callers of the first version). */
export type StoreKind = HomeKind

/** The progress of one course, read once and written through on every change. */
export interface ProgressStore {
  /** `local` survives a browser restart; `session` lasts for this visit; `memory` for this page only; `lms` lives in the LMS. */
  readonly kind: HomeKind
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
  /** Call `listener` after every change made through this store; returns a function that stops it. */
  onChange(listener: (state: ProgressState) => void): () => void
}

/** A new learner seed: 64 random bits as hex. */
export function makeSeed(): string {
  const words = new Uint32Array(2)
  crypto.getRandomValues(words)
  return Array.from(words, (w) => w.toString(16).padStart(8, '0')).join('')
}

/**
 * Open the progress kept in `home`, writing it back at once: a home that
 * cannot be written is found now, not after the learner has passed a quiz.
 */
export function openProgressStore(home: ProgressHome, newSeed: () => string): ProgressStore {
  const listeners = new Set<(state: ProgressState) => void>()
  // The home is the store's prototype: its kind and flags, which change as writes fail, show through.
  const store = Object.create(home) as { -readonly [K in keyof ProgressStore]: ProgressStore[K] }
  store.state = home.load() ?? freshState(newSeed())
  home.save(store.state)
  store.update = (change) => {
    // Null: nothing readable now; carry on from what this page already knows.
    store.state = home.load() ?? store.state
    change(store.state)
    home.save(store.state)
    for (const listener of listeners) listener(store.state)
  }
  store.reset = () =>
    store.update((s) => {
      s.seed = newSeed()
      s.done = []
      s.attempts = Object.create(null) as Record<string, AttemptRecord>
      s.passed = Object.create(null) as Record<string, PassRecord>
    })
  store.onChange = (listener) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  return store
}
