/**
 * Asks the browser to keep this site's storage (`navigator.storage.persist()`)
 * when the learner completes their first section: from then on there is
 * progress worth keeping, and a browser short of space may otherwise clear
 * it. Asked once, then; the browser decides (Chromium without a prompt,
 * Firefox may ask the learner). Chapter pages, done on opening, do not count.
 */
import type { RuntimePage } from '../page-contract.ts'

/** Call after page `done` was marked done, with the ids done before it. */
export function askToKeepStorage(pages: readonly RuntimePage[], done: RuntimePage, before: readonly string[]): void {
  const isSection = (id: string) => pages.some((p) => p.id === id && p.kind === 's')
  if (done.kind === 's' && !before.some(isSection)) navigator.storage?.persist?.().catch(() => {})
}
