/**
 * The learner's runtime: the script every built page loads with `defer`.
 *
 * The page's inline head gate (first-paint/gate.ts) has already shown the
 * page when it is surely open, or hidden it; this decides the rest with the
 * course manifest, sends the learner on before a hidden page is ever shown,
 * or shows it. Deferred scripts run once the body is parsed; the wiring
 * waits for the first frame and a task more, so that frame (the quiz,
 * already drawn by the inline draw script) is not held for it.
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
import { firstPaint } from './first-paint/first-paint.ts'
import { makeSeed, openProgressStore } from './progress-store.ts'
import { resolveManifest } from './site-root.ts'

declare const __CM_MANIFEST__: RuntimeManifest

/**
 * A package's page keeps progress in the LMS when the package's launch page
 * shows it, holding the LMS session (and then never in the browser's
 * storage); in the browser otherwise.
 */
function packageHome(manifest: RuntimeManifest): ProgressHome {
  const bridge = manifest.lms ? findBridge() : null
  if (bridge) return openLmsHome(bridge, manifest)
  return openBrowserHome(manifest.course, { local: () => window.localStorage, session: () => window.sessionStorage })
}

function start(manifest: RuntimeManifest): void {
  // The build leaves out each URL that is `<base><id>/` (and a web site's index URL, its base), and each section's kind.
  for (const page of manifest.pages) {
    page.url ??= `${manifest.base}${encodeURI(page.id)}/`
    page.kind ??= 's'
  }
  const root = document.documentElement
  root.classList.add('cm-js')
  // As in packageHome, inline: the web site's runtime stays as it was before LMS packages.
  const home = __CM_LMS_RUNTIME__
    ? packageHome(manifest)
    : openBrowserHome(manifest.course, { local: () => window.localStorage, session: () => window.sessionStorage })
  const store = openProgressStore(home, makeSeed)
  const context: PageContext = {
    manifest,
    store,
    pageId: root.getAttribute('data-cm-page') ?? '',
    openAll: !!manifest.openAll || store.kind === 'memory',
  }
  const first = firstPaint()
  if (first) first.ran = true
  const target = context.openAll ? null : redirectFor(manifest.pages, context.pageId, store.state.done)
  if (target) {
    root.classList.add('cm-locked')
    location.replace(target)
    return
  }
  // The head gate hid a page it could not decide on: the manifest says it is open.
  root.hidden = false

  // Back/forward cache restores a page without running this script again:
  // if progress changed meanwhile (a reset, another tab), render it afresh.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return
    const before = JSON.stringify(store.state)
    store.update(() => {})
    if (JSON.stringify(store.state) !== before) location.reload()
  })
  keepOffline(context)
  const wire = () => {
    const kind = root.getAttribute('data-cm-kind')
    // Each page loads the runtime built for its kind (build-flags.d.ts).
    if (__CM_INDEX_RUNTIME__) {
      if (kind === 'index') wireIndexPage(context)
    }
    // The completion record's content comes with the extras.
    else if (kind === 'record') loadExtras(manifest.extras).then((extras) => extras.showRecord(context), noop)
    else if (kind !== 'index') wireCoursePage(context)
  }
  // Wired a task after the first frame, so that frame (the quiz, drawn by the inline script) is not
  // held for it and a click on it is taken first; the draw script keeps an early press of Score for
  // the wiring. A page in a background tab draws no frame: it is wired when it is shown.
  // (Deferred, this runs once the body is parsed; loaded without `defer`, before: then wait for the body.)
  const afterFrame = () => requestAnimationFrame(() => setTimeout(wire))
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', afterFrame)
  else afterFrame()
}

// `currentScript` is this script while it runs (it is neither a module nor async).
// Only a package's URLs need resolving (build-flags.d.ts).
start(
  __CM_LMS_RUNTIME__
    ? resolveManifest(__CM_MANIFEST__, (document.currentScript as HTMLScriptElement | null)?.src || location.href)
    : __CM_MANIFEST__,
)
