/**
 * Which course pages a learner may open.
 *
 * Progress is the set of pages done. The furthest unlocked page is the one
 * after the furthest done page in the current manifest order, so a page an
 * author inserts before it is simply open, and one appended after the end
 * becomes the next to do. Every page up to the furthest unlocked is open.
 */
import type { RuntimePage } from '../page-contract.ts'

/** Position of the furthest page the learner may open; -1 for a course without pages. */
export function furthestUnlocked(pages: readonly RuntimePage[], done: readonly string[]): number {
  // A set keeps this linear: a long course has thousands of pages, and the index asks once per entry.
  const isDone = new Set(done)
  let furthestDone = -1
  pages.forEach((page, i) => {
    if (isDone.has(page.id)) furthestDone = i
  })
  return Math.min(furthestDone + 1, pages.length - 1)
}

/** True when the learner may open the page at `position`, given `limit` (`furthestUnlocked`, or the last page when every page is open). */
export function canOpen(position: number, limit: number): boolean {
  return position >= 0 && position <= limit
}

/**
 * Where to send a learner who opens page `pageId`, or null when they may stay.
 * Pages the manifest does not gate (the index, an unknown id) are always open.
 */
export function redirectFor(pages: readonly RuntimePage[], pageId: string, done: readonly string[]): string | null {
  const position = pages.findIndex((page) => page.id === pageId)
  if (position < 0 || canOpen(position, furthestUnlocked(pages, done))) return null
  const target = pages[furthestUnlocked(pages, done)]
  return target ? target.url : null
}

/** True when the last page of the course is done. */
export function isComplete(pages: readonly RuntimePage[], done: readonly string[]): boolean {
  const last = pages[pages.length - 1]
  return last !== undefined && done.includes(last.id)
}
