/** What every part of a page's wiring needs to know. */
import type { RuntimeManifest } from '../page-contract.ts'
import { furthestUnlocked } from './gate.ts'
import type { ProgressStore } from './progress-store.ts'

export interface PageContext {
  /** The course manifest built into the script. */
  manifest: RuntimeManifest
  /**
   * True when no page is locked: the author's `--open-all` preview, or
   * storage so blocked that progress could not follow the learner from one
   * page to the next (locking would then trap them on the first page).
   */
  openAll: boolean
  /** The learner's progress. */
  store: ProgressStore
  /** This page's id (`data-cm-page`). */
  pageId: string
}

/** The ids of the pages done so far. */
export function doneIds(context: PageContext): string[] {
  return context.store.state.done
}

/** Position of the furthest page the learner may open now (the last page when every page is open). */
export function openLimit(context: PageContext): number {
  const pages = context.manifest.pages
  return context.openAll ? pages.length - 1 : furthestUnlocked(pages, doneIds(context))
}
