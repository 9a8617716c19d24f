/**
 * What the second script (extras.ts, bundled apart and loaded only when a
 * learner needs it) offers the runtime every page loads: the dialog that
 * moves progress between devices, the completion record, the banners. Types, and the
 * name of the global it sets, so that importing this adds almost nothing to
 * the first script.
 */
import type { PageContext } from './page-context.ts'

/** Where progress is kept, when the learner should know (notices.ts decides): each names a message of banners.ts. */
export type StorageNotice = 'blocked' | 'session' | 'unreadable' | 'lmsRefused' | 'lmsUnreadable' | 'lmsOutside' | ''

export interface Extras {
  /**
   * Open the "Move your progress" dialog. `incoming` is a code from a
   * progress link, offered for adding; `changed` runs after progress was
   * added; focus goes back to `opener` (if any) when the dialog closes.
   */
  openMoveDialog(
    context: PageContext,
    options: { opener: HTMLElement | null; incoming: string | null; changed: () => void },
  ): void
  /** Ask before resetting the course; `onReset` runs if the learner confirms. */
  confirmReset(onReset: () => void): void
  /** Put up "A new version of this course is available" with Reload, which lets `worker` take over. */
  offerReload(worker: ServiceWorker): void
  /** Put up, refresh or take down the page's banners: the storage one for `notice`, and the open-all one. */
  showBanners(context: PageContext, notice: StorageNotice): void
  /** Fill the completion record page (`#cm-record`) from the learner's progress. */
  showRecord(context: PageContext): void
}

/** The global the second script sets (esbuild's `globalName`). */
export const EXTRAS_GLOBAL = '__coursemarkExtras'
