/**
 * The head gate: an inline script, the first thing in `<head>` after the
 * Content-Security-Policy (which allows it by hash), before any stylesheet.
 * It runs before the parser inserts anything after it, so when it hides
 * the page nothing of it can ever be painted, in any engine
 * (docs/page-contract.md, "First paint").
 *
 * It decides only that a page is surely open, from one read of
 * `localStorage`: the index, an `--open-all` build, the first gated page
 * (no `data-cm-prev`), or a page whose previous page is done. Anything else
 * hides the whole document (`hidden` on `<html>`: the browser's own
 * `[hidden]{display:none}`, no stylesheet needed) and leaves the decision to
 * the deferred runtime, which has the course manifest (main.ts).
 */
import type { FirstPaint } from './first-paint.ts'

/** Put in by the build (emit/first-paint.ts): the storage key (`''` in an LMS package) and `--open-all` (only when set). */
declare const __CM_GATE__: { k: string; o?: true }

;(() => {
  const config = __CM_GATE__
  const root = document.documentElement
  root.classList.add('cm-js')
  const first: FirstPaint = { k: config.k, state: null }
  ;(window as unknown as { __cmFirst: FirstPaint }).__cmFirst = first
  if (config.k)
    try {
      const raw = localStorage.getItem(config.k)
      first.state = raw === null ? null : JSON.parse(raw)
    } catch {
      // Blocked or unreadable: the runtime finds out and says so.
    }
  const prev = root.getAttribute('data-cm-prev')
  const state = first.state as { done?: unknown } | null
  const open =
    config.o ||
    prev === null ||
    root.getAttribute('data-cm-kind') === 'index' ||
    (!!state && Array.isArray(state.done) && state.done.indexOf(prev) >= 0)
  if (!open) root.hidden = true
  // A runtime that never comes (a 404, offline, blocked) must not leave a blank page:
  // show it as without JavaScript, whose notices say the quiz cannot run.
  addEventListener('load', () => {
    if (first.ran) return
    root.classList.remove('cm-js')
    root.hidden = false
  })
})()
