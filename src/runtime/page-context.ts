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
  ungated: boolean
  /** The learner's progress. */
  store: ProgressStore
  /** This page's id (`data-cm-page`). */
  pageId: string
}

/** The ids of the pages done so far. */
export function doneIds(context: PageContext): string[] {
  return context.store.state.done
}

/** Position of the furthest page the learner may open now (the last page when ungated). */
export function openLimit(context: PageContext): number {
  const pages = context.manifest.pages
  return context.ungated ? pages.length - 1 : furthestUnlocked(pages, doneIds(context))
}

/** True when the learner may open the page at `position`; pass `limit` from `openLimit` when asking for many pages. */
export function canOpen(context: PageContext, position: number, limit = openLimit(context)): boolean {
  return position >= 0 && position <= limit
}
