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
import { askToKeepStorage } from './keep-storage.ts'
import { loadExtras } from './load-extras.ts'
import { keepOffline } from './offline.ts'
import { showNotices } from './notices.ts'
import type { PageContext } from './page-context.ts'
import { openBrowserHome } from './browser-home.ts'
import { makeSeed, openProgressStore } from './progress-store.ts'

declare const __CM_MANIFEST__: RuntimeManifest

/** The completion record page: its content comes with the second script. */
function wireRecordPage(context: PageContext): void {
  showNotices(context)
  loadExtras(context.manifest.extras).then(
    (extras) => extras.showRecord(context),
    () => {},
  )
}

function start(manifest: RuntimeManifest): void {
  const root = document.documentElement
  root.classList.add('cm-js')
  const home = openBrowserHome(manifest.course, {
    local: () => window.localStorage,
    session: () => window.sessionStorage,
  })
  const store = openProgressStore(home, makeSeed)
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
  askToKeepStorage(context)
  keepOffline(context)
  document.addEventListener('DOMContentLoaded', () => {
    const kind = root.getAttribute('data-cm-kind')
    if (kind === 'index') wireIndexPage(context)
    else if (kind === 'record') wireRecordPage(context)
    else wireCoursePage(context)
  })
}

start(__CM_MANIFEST__)
