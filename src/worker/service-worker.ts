/**
 * The course's service worker: once any page has been opened online, every
 * file of the course is kept in the Cache API, so the whole course (pages
 * never visited, quizzes, progress) works offline.
 *
 * Written here rather than with Workbox: it needs one precache list with a
 * revision per file, cache-first answers, and an update that waits for the
 * learner's Reload. That is about a hundred lines; Workbox would bring its
 * runtime (tens of KB to bundle and keep in step) for the same behaviour.
 *
 *   install   fetch every listed file not already cached at its revision
 *             (a course over the size limit: only the assets; pages and
 *             files are then cached as they are visited); the first worker
 *             takes over at once, a newer one waits
 *   message   "skip-waiting" (the page's Reload button): take over
 *   activate  delete cached files no longer listed, claim open pages
 *   fetch     a listed file: from the cache, else the network (then cached)
 *
 * Cached entries are keyed by URL and revision (`…?cm-rev=<rev>`), so an
 * unchanged file is not downloaded again by a new build, and an old page
 * still open keeps its own files until the new worker takes over.
 */
import type { RuntimeOffline } from '../page-contract.ts'

declare const self: ServiceWorkerGlobalScope
declare const __CM_OFFLINE__: RuntimeOffline

const config = __CM_OFFLINE__
const revisions = new Map(config.files)
/** Every listed path. (Indexing, not destructuring: esbuild cannot lower that for old Safari here.) */
const paths = config.files.map((file) => file[0])
/** Files fetched at once while installing. */
const AT_ONCE = 6

/** The cache key of a listed path at its revision. */
function keyOf(path: string): string {
  return new URL(`${path}?cm-rev=${revisions.get(path) ?? ''}`, self.location.origin).href
}

/** The listed path a request is for (`…/index.html` is its folder), or null. */
function listedPath(url: URL): string | null {
  if (url.origin !== self.location.origin) return null
  const path = url.pathname.endsWith('/index.html') ? url.pathname.slice(0, -'index.html'.length) : url.pathname
  return revisions.has(path) ? path : null
}

async function precache(): Promise<void> {
  const cache = await caches.open(config.cache)
  const wanted = paths.filter((path) => config.whole || path.startsWith(`${config.base}assets/`))
  const missing: string[] = []
  for (const path of wanted) if (!(await cache.match(keyOf(path)))) missing.push(path)
  for (let i = 0; i < missing.length; i += AT_ONCE) {
    await Promise.all(
      missing.slice(i, i + AT_ONCE).map(async (path) => {
        const response = await fetch(path, { cache: 'no-cache' })
        if (!response.ok) throw new Error(`${path}: ${response.status}`)
        await cache.put(keyOf(path), response)
      }),
    )
  }
}

self.addEventListener('install', (event) => {
  // The first worker has nothing to replace; a newer one waits for the learner's Reload.
  if (!self.registration.active) void self.skipWaiting()
  event.waitUntil(precache())
})

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void self.skipWaiting()
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(config.cache)
      const current = new Set(paths.map(keyOf))
      for (const request of await cache.keys()) if (!current.has(request.url)) await cache.delete(request)
      await self.clients.claim()
    })(),
  )
})

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return
  const path = listedPath(new URL(event.request.url))
  if (!path) return
  event.respondWith(
    (async () => {
      const cache = await caches.open(config.cache)
      const cached = await cache.match(keyOf(path))
      if (cached) return cached
      const response = await fetch(event.request)
      if (response.ok && response.type === 'basic') await cache.put(keyOf(path), response.clone())
      return response
    })(),
  )
})
