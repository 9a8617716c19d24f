/**
 * Banners at the top of the main content: the author's open-all preview, and
 * storage that will not keep the learner's progress. They are plain text
 * (not live regions) so that the page keeps one status region, the quiz's.
 */
import { el } from './dom.ts'
import { t } from './messages.ts'
import type { PageContext } from './page-context.ts'

/** Show or update the banner with `name`; an empty message removes it. */
function banner(name: string, message: string): void {
  const main = document.getElementById('cm-main')
  let node = document.querySelector<HTMLElement>(`.cm-banner-${name}`)
  if (!message || !main) {
    node?.remove()
    return
  }
  if (!node) {
    node = el('p', { class: `cm-notice cm-banner cm-banner-${name}` })
    main.prepend(node)
  }
  node.textContent = message
}

/** What the learner should know about where progress is kept, if anything. */
export function storageMessage(context: PageContext): string {
  const store = context.store
  if (__CM_LMS_RUNTIME__ && store.kind === 'lms') return lmsMessage(context)
  if (store.kind === 'memory') return t('notice.storageBlocked')
  if (store.kind === 'session' || store.failed) return t('notice.storageSession')
  if (store.unreadable) return t('notice.storageUnreadable')
  if (__CM_LMS_RUNTIME__ && context.manifest.lms) return t('notice.lmsOutside')
  return ''
}

/** What the learner should know about progress kept in their learning platform, if anything. */
function lmsMessage(context: PageContext): string {
  if (context.store.failed) return t('notice.lmsRefused')
  if (context.store.unreadable) return t('notice.lmsUnreadable')
  return ''
}

/** Put up (or refresh) every banner that applies to this page. */
export function showNotices(context: PageContext): void {
  banner('storage', storageMessage(context))
  if (context.manifest.openAll) {
    banner('open', t('notice.openAll'))
  }
}
