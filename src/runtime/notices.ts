/**
 * Banners at the top of the main content: the author's open-all preview, and
 * storage that will not keep the learner's progress. Which storage notice
 * applies is decided here; the banners' words and markup come with the
 * extras (banners.ts), loaded only when a banner is to show or to go: most
 * visits show none, and their first visit does not carry the words.
 */
import type { StorageNotice } from './extras-api.ts'
import { loadExtras } from './load-extras.ts'
import { noop } from './offline.ts'
import type { PageContext } from './page-context.ts'

/** What the learner should know about where progress is kept, if anything. */
export function storageNotice(context: PageContext): StorageNotice {
  const store = context.store
  if (__CM_LMS_RUNTIME__ && store.kind === 'lms') return lmsNotice(context)
  if (store.kind === 'memory') return 'blocked'
  if (store.kind === 'session' || store.failed) return 'session'
  if (store.unreadable) return 'unreadable'
  if (__CM_LMS_RUNTIME__ && context.manifest.lms) return 'lmsOutside'
  return ''
}

/** What the learner should know about progress kept in their learning platform, if anything. */
function lmsNotice(context: PageContext): StorageNotice {
  if (context.store.failed) return 'lmsRefused'
  if (context.store.unreadable) return 'lmsUnreadable'
  return ''
}

/** Put up, refresh or take down every banner that applies to this page. */
export function showNotices(context: PageContext): void {
  const notice = storageNotice(context)
  if (!notice && !context.manifest.openAll && !document.querySelector('.cm-banner')) return
  loadExtras(context.manifest.extras).then((extras) => extras.showBanners(context, notice), noop)
}
