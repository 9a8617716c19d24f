/**
 * Registers the course's service worker (src/worker/service-worker.ts) and
 * says when a new version of the course is ready. A new version is never
 * put in place under the learner (mid-quiz, say): the page offers Reload,
 * which lets the waiting worker take over and then reloads. The notice
 * shows for a worker already waiting when the page opens, as well as for
 * one found while it is open; it is in the extras (update-notice.ts),
 * loaded only then.
 */
import { loadExtras } from './load-extras.ts'
import type { PageContext } from './page-context.ts'

/** Register the worker once the page has loaded and is idle (it must not slow the first paint nor the first answers). */
export function keepOffline(context: PageContext): void {
  const url = context.manifest.worker
  const workers = navigator.serviceWorker
  if (!url || !workers) return
  // Without a controller the worker is the first one: it takes over by itself, nothing to announce.
  const offer = (worker: ServiceWorker | null) => {
    if (worker && workers.controller) loadExtras(context.manifest.extras).then((x) => x.offerReload(worker), noop)
  }
  // Once the page is idle after loading, not at `load`: installing downloads the whole course, which
  // must not compete with the learner's first answers (issue 13; on loopback it held them back ~100 ms at 4×).
  const idle = (run: () => void) =>
    window.requestIdleCallback ? window.requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 1000)
  addEventListener('load', () =>
    idle(() =>
      workers.register(url, { scope: context.manifest.base }).then((registration) => {
        // Some browsers that block workers (and Playwright's `serviceWorkers: 'block'`) answer with nothing.
        if (!registration) return
        offer(registration.waiting)
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing
          worker?.addEventListener('statechange', () => worker.state === 'installed' && offer(worker))
        })
      }, noop),
    ),
  )
}

/** For what may fail without harm: without a worker (private browsing, say) the course works online as before. */
export function noop(): void {}
