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
  const state = home.load() ?? freshState(newSeed())
  home.save(state)
  return new Store(home, newSeed, state)
}

/** The open progress: read once, written through on every change. */
class Store implements ProgressStore {
  private readonly listeners = new Set<(state: ProgressState) => void>()

  constructor(
    private readonly home: ProgressHome,
    private readonly newSeed: () => string,
    public state: ProgressState,
  ) {}

  get kind(): HomeKind {
    return this.home.kind
  }

  get unreadable(): boolean {
    return this.home.unreadable
  }

  get failed(): boolean {
    return this.home.failed
  }

  update(change: (state: ProgressState) => void): void {
    // Null: nothing readable now; carry on from what this page already knows.
    const latest = this.home.load()
    if (latest) this.state = latest
    change(this.state)
    this.home.save(this.state)
    for (const listener of this.listeners) listener(this.state)
  }

  reset(): void {
    this.update((s) => {
      s.seed = this.newSeed()
      s.done = []
      s.attempts = Object.create(null) as Record<string, AttemptRecord>
      s.passed = Object.create(null) as Record<string, PassRecord>
    })
  }

  onChange(listener: (state: ProgressState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
