/**
 * Registers the course's service worker (src/worker/service-worker.ts) and
 * says when a new version of the course is ready. A new version is never
 * put in place under the learner (mid-quiz, say): the page offers Reload,
 * which lets the waiting worker take over and then reloads. The notice
 * shows for a worker already waiting when the page opens, as well as for
 * one found while it is open.
 */
import { el } from './dom.ts'
import type { PageContext } from './page-context.ts'

/** Every string of the update notice. */
const en = {
  available: 'A new version of this course is available.',
  reload: 'Reload',
}

/** Register the worker, once the page has loaded (it must not slow the first paint). */
export function keepOffline(context: PageContext): void {
  const url = context.manifest.worker
  if (!url || !('serviceWorker' in navigator)) return
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register(url, { scope: context.manifest.base })
      .then(watchForUpdates)
      .catch(() => {
        // No worker (private browsing, say): the course works online as before.
      })
  })
}

function watchForUpdates(registration: ServiceWorkerRegistration): void {
  // Without a controller this is the first worker: it takes over by itself, nothing to announce.
  if (registration.waiting && navigator.serviceWorker.controller) offerReload(registration.waiting)
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerReload(worker)
    })
  })
}

/** The notice at the top of the page, with its Reload button. */
function offerReload(worker: ServiceWorker): void {
  const main = document.getElementById('cm-main')
  if (!main || document.querySelector('.cm-update')) return
  const reload = el('button', { type: 'button', class: 'cm-button' }, en.reload)
  reload.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload())
    worker.postMessage('skip-waiting')
  })
  main.prepend(el('div', { class: 'cm-notice cm-update', role: 'status' }, el('p', {}, en.available), reload))
}
