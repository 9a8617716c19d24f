/**
 * "A new version of this course is available", with Reload: in the extras,
 * loaded by offline.ts only when a new worker is waiting. Reload lets the
 * worker take over, then reloads; nothing happens until the learner asks.
 */
import { el } from './dom.ts'
import { t } from './messages.ts'

/** The notice at the top of the page, with its Reload button. */
export function offerReload(worker: ServiceWorker): void {
  const main = document.getElementById('cm-main')
  if (!main || document.querySelector('.cm-update')) return
  const reload = el('button', { type: 'button', class: 'cm-button' }, t('notice.reload'))
  reload.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload())
    worker.postMessage('skip-waiting')
  })
  main.prepend(el('div', { class: 'cm-notice cm-update', role: 'status' }, el('p', {}, t('notice.update')), reload))
}
