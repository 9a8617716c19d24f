/**
 * The service worker file of a site (src/worker/service-worker.ts with its
 * list of files), and what the build says about it. A course over
 * WHOLE_LIMIT bytes is cached as it is visited rather than all at once. A
 * course with `offline: false` (and `dev`) gets a worker that removes itself
 * and its cache, so that a worker left by an earlier build stops serving old
 * pages.
 */
import type { RuntimeOffline } from '../page-contract.ts'
import type { FileRevision } from './file-revisions.ts'

/** Above this many bytes the course is cached as visited: a phone's storage is not the course's to fill. */
export const WHOLE_LIMIT = 50_000_000

/** How a build keeps its course offline, for the summary line. */
export interface OfflineSummary {
  /** `whole`: every file once a page is opened; `visited`: as visited (too big); `off`: not at all. */
  mode: 'whole' | 'visited' | 'off'
  /** The site's bytes (0 when off). */
  bytes: number
}

const SLOT = '__CM_OFFLINE__'

/** The worker (its bundle, `worker`) that keeps the site's files offline, given each one's path and revision. */
export function offlineWorker(
  worker: string,
  files: ReadonlyMap<string, FileRevision>,
  base: string,
): { data: string; summary: OfflineSummary } {
  const list: Array<[string, string]> = []
  let bytes = 0
  for (const [path, stat] of files) {
    bytes += stat.size
    // A page is asked for by its folder: `s1/index.html` is `/base/s1/`.
    list.push([base + encodeURI(path.replace(/(^|\/)index\.html$/, '$1')), stat.rev])
  }
  const config: RuntimeOffline = { cache: cacheName(base), base, whole: bytes <= WHOLE_LIMIT, files: list }
  const at = worker.indexOf(SLOT)
  if (at < 0 || worker.indexOf(SLOT, at + 1) >= 0)
    throw new Error(`the worker bundle must refer to ${SLOT} exactly once`)
  return {
    data: worker.slice(0, at) + JSON.stringify(config) + worker.slice(at + SLOT.length),
    summary: { mode: config.whole ? 'whole' : 'visited', bytes },
  }
}

/** A worker that deletes the course's cache and unregisters itself, for a site kept online only. */
export function removingWorker(base: string): string {
  return `// This course is not kept offline: remove what an earlier build kept.
self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.delete(${JSON.stringify(cacheName(base))}).then(() => self.registration.unregister()))
})
`
}

/** The Cache API cache of the course served under `base`: one per base, so two courses on one host keep apart. */
function cacheName(base: string): string {
  return `coursemark:${base}`
}
