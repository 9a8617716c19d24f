/**
 * Asks the browser to keep this site's storage (`navigator.storage.persist()`)
 * when the learner completes their first section: from then on there is
 * progress worth keeping, and a browser short of space may otherwise clear
 * it. Asked once, on that change; the browser decides (Chromium without a
 * prompt, Firefox may ask the learner).
 */
import type { PageContext } from './page-context.ts'
import type { ProgressState } from './progress-state.ts'

/** Ask once the progress first holds a section (not only chapter pages, which are done on opening). */
export function askToKeepStorage(context: PageContext): void {
  const sections = new Set(context.manifest.pages.filter((p) => p.kind === 's').map((p) => p.id))
  const hasSection = (state: ProgressState) => state.done.some((id) => sections.has(id))
  if (hasSection(context.store.state) || context.store.kind !== 'local') return
  const stop = context.store.onChange((state) => {
    if (!hasSection(state)) return
    stop()
    navigator.storage?.persist?.().catch(() => {})
  })
}
