/**
 * The banners themselves (notices.ts decides which apply), in the extras:
 * plain text (not live regions), so that the page keeps one status region,
 * the quiz's.
 */
import { el } from './dom.ts'
import { t } from './messages.ts'
import type { StorageNotice } from './extras-api.ts'
import type { PageContext } from './page-context.ts'

/** Each storage notice's message (keys written out: the build looks for them in the script). */
const MESSAGES: Record<Exclude<StorageNotice, ''>, string> = {
  blocked: 'notice.storageBlocked',
  session: 'notice.storageSession',
  unreadable: 'notice.storageUnreadable',
  lmsRefused: 'notice.lmsRefused',
  lmsUnreadable: 'notice.lmsUnreadable',
  lmsOutside: 'notice.lmsOutside',
}

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

/** Put up (or refresh, or take down) the storage banner for `notice`, and the open-all one. */
export function showBanners(context: PageContext, notice: StorageNotice): void {
  banner('storage', notice ? t(MESSAGES[notice]) : '')
  banner('open', context.manifest.openAll ? t('notice.openAll') : '')
}
