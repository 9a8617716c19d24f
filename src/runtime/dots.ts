/**
 * The chapter's progress dots. The build renders them all as links (what a
 * learner without JavaScript gets); here each one gets its state in its
 * accessible name and class, and locked ones stop being links.
 */
import { all } from './dom.ts'
import { canOpen } from './gate.ts'
import { t } from './messages.ts'
import { doneIds, openLimit, type PageContext } from './page-context.ts'

/** A dot's state: this page, done, open but not done yet, or locked. */
export type DotState = 'current' | 'done' | 'unlocked' | 'locked'

/** Each state and the message that names it (keys are written out: the build looks for them in the script). */
const STATES: Record<DotState, string> = {
  current: 'dots.current',
  done: 'dots.done',
  unlocked: 'dots.unlocked',
  locked: 'dots.locked',
}

/** The state of the dot for page `id`, seen from page `here`. */
export function dotState(context: PageContext, id: string, limit = openLimit(context)): DotState {
  const position = context.manifest.pages.findIndex((page) => page.id === id)
  if (id === context.pageId) return 'current'
  if (doneIds(context).includes(id)) return 'done'
  if (canOpen(position, limit)) return 'unlocked'
  return 'locked'
}

/** Mark every dot on the page; call again whenever progress changes. */
export function markDots(context: PageContext): void {
  const limit = openLimit(context)
  for (const dot of all<HTMLAnchorElement>('a[data-cm-dot]')) {
    const id = dot.getAttribute('data-cm-dot') ?? ''
    const state = dotState(context, id, limit)
    const page = context.manifest.pages.find((p) => p.id === id)
    for (const s in STATES) dot.classList.toggle(`cm-dot-${s}`, s === state)
    const title = dot.querySelector('span')
    // Named outright, title and state: the label is the dot's whole accessible name.
    if (title)
      dot.setAttribute('aria-label', t('dots.name', { title: title.textContent ?? '', state: t(STATES[state]) }))
    if (state === 'current') dot.setAttribute('aria-current', 'page')
    else dot.removeAttribute('aria-current')
    if (state === 'locked') {
      // Not a link any more, but still named "<title>, locked" for a screen reader.
      dot.removeAttribute('href')
      dot.setAttribute('role', 'link')
      dot.setAttribute('aria-disabled', 'true')
    } else {
      if (page) dot.setAttribute('href', page.url)
      dot.removeAttribute('role')
      dot.removeAttribute('aria-disabled')
    }
  }
}
