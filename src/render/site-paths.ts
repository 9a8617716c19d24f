/**
 * Paths of the pages and files coursemark adds to every site, relative to
 * the base. A course file at one of them is an error (emit/plan-site.ts).
 */

/** The completion record page (render/record-page.ts). */
export const RECORD_PATH = 'completion-record/'

/** The service worker (emit/offline-worker.ts): at the base, so that its scope is the whole course. */
export const WORKER_PATH = 'coursemark-sw.js'
