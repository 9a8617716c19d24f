/**
 * The live-reload script `dev` adds to every page, served from the dev
 * server's own URL (pages allow scripts from their own origin only, and
 * `connect-src 'self'`). It listens to the server's events and reloads the
 * page when the page itself, any other file of the site, or the build's
 * error state has changed. `<html data-cm-dev>` says where it is:
 * `connected`, `reconnecting` or `reloading`.
 *
 * On connecting it tells the server when this page was loaded, so a change
 * made in between is not missed.
 */

/** Where `dev` serves this script and its events; `_` names are never course files. */
export const DEV_SCRIPT_URL = '/__coursemark/dev.js'
export const DEV_EVENTS_URL = '/__coursemark/events'

/** What a `reload` event carries, as JSON. */
export interface ReloadEvent {
  /** URL paths of the site that changed: `/intro/` for a page, `/img/a.png` for a file. */
  changed: string[]
  /** True while the course does not build (pages then show the errors). */
  error: boolean
  /** Milliseconds from the file change reaching the server to this event being sent. */
  ms: number
}

export const RELOAD_CLIENT = `(function () {
  'use strict'
  var root = document.documentElement
  var onErrorPage = root.hasAttribute('data-cm-dev-error')
  var here = pagePath(location.pathname)
  var since = Math.floor(performance.timeOrigin || Date.now())
  var events = new EventSource(${JSON.stringify(DEV_EVENTS_URL)} + '?since=' + since + '&path=' + encodeURIComponent(here))
  events.addEventListener('open', function () { root.setAttribute('data-cm-dev', 'connected') })
  events.addEventListener('error', function () { root.setAttribute('data-cm-dev', 'reconnecting') })
  events.addEventListener('reload', function (e) {
    var data = JSON.parse(e.data)
    var mine = data.changed.some(function (p) { return p === here || p.charAt(p.length - 1) !== '/' })
    if (onErrorPage || data.error || mine) {
      root.setAttribute('data-cm-dev', 'reloading')
      events.close()
      location.reload()
    }
  })
  // /intro, /intro/index.html and /intro.html are all the page /intro/.
  function pagePath(p) {
    try { p = decodeURI(p) } catch (e) {}
    p = p.replace(/index\\.html$/, '').replace(/\\.html$/, '')
    return p.charAt(p.length - 1) === '/' ? p : p + '/'
  }
})()
`
