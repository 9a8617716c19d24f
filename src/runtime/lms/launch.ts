/**
 * The package's launch page: the file the LMS opens (the manifest's
 * `href`). A course is many pages, but SCORM allows one Initialize and one
 * Terminate per launch, so this page holds the session for the whole launch
 * and shows the course pages in its own frame; they reach the session
 * through `window.parent` (bridge.ts). It records which page is showing as
 * the learner's location, mirrors its title, and ends the session when the
 * LMS closes it (`pagehide`).
 *
 * Outside an LMS (no API above this window) it opens the course index
 * instead, and the package works as the plain site does.
 *
 * Bundled on its own (dist/launch.js); course pages never load it.
 */
import { el, fill } from '../dom.ts'
import { t } from '../messages.ts'
import { BRIDGE_NAME, type LmsBridge } from './bridge.ts'
import { findApi } from './find-api.ts'
import { LmsSession } from './lms-session.ts'
import { dialectFor } from './scorm-dialect.ts'

/** The course index, beside this page at the package root. */
const START = 'index.html'
/** A path of the package, as a stored location may hold: relative, no `..`, to an HTML file. */
const PACKAGE_PAGE = /^(?!.*(?:^|\/)\.\.?\/)(?:[A-Za-z0-9._~!$&'()*+,;=:@%-]+\/)*[A-Za-z0-9._~!$&'()*+,;=:@%-]+\.html$/

function launch(): void {
  const dialect = dialectFor(document.documentElement.getAttribute('data-cm-scorm'))
  const session = dialect ? LmsSession.open(findApi(window, dialect.apiName), dialect, () => Date.now()) : null
  if (!session) {
    location.replace(START)
    return
  }
  const bridge: LmsBridge = {
    v: 1,
    progress: () => session.progress,
    save: (data, done, total) => session.save(String(data), Number(done), Number(total)),
    limit: session.limit,
  }
  ;(window as unknown as Record<string, unknown>)[BRIDGE_NAME] = bridge
  addEventListener('pagehide', () => session.close())
  // Restored from the back/forward cache after Terminate: the LMS will not take a second session.
  addEventListener('pageshow', (event) => {
    if (event.persisted && !session.open) showClosed()
  })
  document.addEventListener('DOMContentLoaded', () => showCourse(session))
}

/** Shows the page the learner was on (or the index) in the frame, and follows them from page to page. */
function showCourse(session: LmsSession): void {
  const frame = document.getElementById('cm-launch-frame') as HTMLIFrameElement | null
  if (!frame) return
  const root = new URL('./', location.href).href
  const start = PACKAGE_PAGE.test(session.storedLocation) ? session.storedLocation : START
  let first = true
  frame.addEventListener('load', () => {
    const shown = shownPage(frame, root)
    // The page the learner left is gone (a newer package without it): start from the index.
    if (!shown && first && start !== START) frame.src = START
    first = false
    if (!shown) return
    document.title = shown.title
    session.visit(shown.path)
  })
  frame.src = start
  frame.hidden = false
}

/** The course page the frame shows: its path in the package and its title; null for anything else. */
function shownPage(frame: HTMLIFrameElement, root: string): { path: string; title: string } | null {
  try {
    const doc = frame.contentDocument
    const href = frame.contentWindow?.location.href ?? ''
    if (!doc || !href.startsWith(root) || !doc.documentElement.hasAttribute('data-cm-page')) return null
    return { path: href.slice(root.length).replace(/[?#].*$/, ''), title: doc.title }
  } catch {
    // Another origin: not a page of the course.
    return null
  }
}

function showClosed(): void {
  fill(document.body, el('main', {}, el('p', { class: 'cm-notice' }, t('lms.closed'))))
}

launch()
