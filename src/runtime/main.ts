/**
 * The learner's runtime: the one script every built page loads in `<head>`.
 *
 * It runs before the body is parsed, so it first decides whether the
 * learner may see this page at all (and leaves before anything paints if
 * not); everything that needs the body waits for DOMContentLoaded.
 */
import type { RuntimeManifest } from '../page-contract.ts'
import { wireCoursePage } from './course-page.ts'
import { redirectFor } from './gate.ts'
import { wireIndexPage } from './index-page.ts'
import { loadExtras } from './load-extras.ts'
import { keepOffline, noop } from './offline.ts'
import type { PageContext } from './page-context.ts'
import { openBrowserHome } from './browser-home.ts'
import { findBridge, openLmsHome } from './lms/lms-home.ts'
import type { ProgressHome } from './progress-state.ts'
import { makeSeed, openProgressStore } from './progress-store.ts'
import { resolveManifest } from './site-root.ts'

declare const __CM_MANIFEST__: RuntimeManifest
/**
 * Set by the build: true in the pages' runtime of LMS packages
 * (dist/runtime-lms.js), false in the web site's (dist/runtime.js), from
 * which the LMS home is then left out: a site's pages never need it.
 */
declare const __CM_LMS_RUNTIME__: boolean

/**
 * Where this page keeps progress: in the LMS when it is a package's page
 * shown by the package's launch page, which holds the LMS session (and then
 * never in the browser's storage); in the browser otherwise.
 */
function openHome(manifest: RuntimeManifest): ProgressHome {
  const bridge = __CM_LMS_RUNTIME__ && manifest.lms ? findBridge() : null
  if (bridge) return openLmsHome(bridge, manifest)
  return openBrowserHome(manifest.course, { local: () => window.localStorage, session: () => window.sessionStorage })
}

function start(manifest: RuntimeManifest): void {
  // The build leaves out each URL that is `<base><id>/`.
  for (const page of manifest.pages) page.url ??= `${manifest.base}${encodeURI(page.id)}/`
  const root = document.documentElement
  root.classList.add('cm-js')
  const store = openProgressStore(openHome(manifest), makeSeed)
  const context: PageContext = {
    manifest,
    store,
    pageId: root.getAttribute('data-cm-page') ?? '',
    openAll: manifest.openAll || store.kind === 'memory',
  }
  const leave = (url: string) => {
    root.classList.add('cm-locked')
    location.replace(url)
  }
  const target = context.openAll ? null : redirectFor(manifest.pages, context.pageId, store.state.done)
  if (target) {
    leave(target)
    return
  }

  // Back/forward cache restores a page without running this script again:
  // if progress changed meanwhile (a reset, another tab), render it afresh.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return
    const before = JSON.stringify(store.state)
    store.update(() => {})
    if (JSON.stringify(store.state) !== before) location.reload()
  })
  keepOffline(context)
  document.addEventListener('DOMContentLoaded', () => {
    const kind = root.getAttribute('data-cm-kind')
    if (kind === 'index') wireIndexPage(context)
    // The completion record's content comes with the extras.
    else if (kind === 'record') loadExtras(manifest.extras).then((extras) => extras.showRecord(context), noop)
    else wireCoursePage(context)
  })
}

// `currentScript` is this script while it runs (it is neither a module nor async).
const script = document.currentScript as HTMLScriptElement | null
start(resolveManifest(__CM_MANIFEST__, script?.src || location.href))
