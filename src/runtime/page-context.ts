/** What every part of a page's wiring needs to know. */
import type { RuntimeManifest } from '../model/types.ts'
import { isOpen } from './gate.ts'
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

/** True when the learner may open the page at `position` in the manifest. */
export function canOpen(context: PageContext, position: number): boolean {
  return position >= 0 && (context.ungated || isOpen(context.manifest.pages, doneIds(context), position))
}
