/**
 * `coursemark dev`: builds the course into memory, serves it on 127.0.0.1,
 * watches the folder and, after each change, rebuilds what the change
 * touched and tells the open pages to reload.
 *
 *     edit ─► course-watcher ─► compileCourse (cache: one page rendered) ─► site-mirror ─► reload-hub (SSE)
 *                                         └─ errors ─► build-state ─► every page shows them, until fixed
 *
 * Nothing here ever stops the server: a broken course is shown in the
 * browser, and even a bug of ours in a rebuild is shown, not thrown.
 */
import { statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { UserError } from '../diagnostics/user-error.ts'
import { type BuildCache, createBuildCache } from '../pipeline/build-cache.ts'
import { compileCourse } from '../pipeline/compile-course.ts'
import { type BuildOutcome, BuildState } from './build-state.ts'
import { type CourseChange, type CourseWatcher, watchCourse } from './course-watcher.ts'
import { errorPage, notFoundPage } from './error-page.ts'
import { DEV_EVENTS_URL, DEV_SCRIPT_URL, RELOAD_CLIENT, type ReloadEvent } from './reload-client.ts'
import { ReloadHub } from './reload-hub.ts'
import { failedLine, firstBuildLine, rebuiltLine, round, unchangedLine } from './rebuild-log.ts'
import { SiteMirror } from './site-mirror.ts'
import { listen } from '../serve/listen.ts'
import { type StaticSite, staticSite } from '../serve/static-site.ts'

export interface DevOptions {
  /** The course folder. */
  courseDir: string
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number
  /** URL path the site is served under, with a slash at each end, as `build --base` takes it. */
  base: string
  /** Build with every page open (no gating) and a banner saying so. */
  openAll: boolean
  /** Prints a line for the author (no newline at the end). */
  log: (line: string) => void
  /** Prints diagnostics for the author. */
  report: (diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>) => void
}

export interface DevServer {
  /** The address the site is served at: the base, ending in `/`. */
  url: string
  /** Stops watching and serving, and removes the served folder. */
  close: () => Promise<void>
}

export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const root = resolve(options.courseDir)
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`${options.courseDir} is not a course folder.`, {
      hint: 'Pass the folder that holds your Markdown pages, e.g. `coursemark dev my-course`, or start one with `coursemark new my-course`.',
    })
  }
  const started = performance.now()
  // The port first, so that a port in use is reported before any work; a
  // request that comes during the first build waits for it.
  let firstBuilt: (dev: Dev) => void = () => {}
  const firstBuild = new Promise<Dev>((done) => (firstBuilt = done))
  const server = createServer((req, res) => void firstBuild.then((dev) => handle(req, res, dev)))
  const port = await listen(server, options.port)
  const mirror = new SiteMirror()
  let watcher: CourseWatcher
  try {
    // Changes seen during the first build wait for it.
    watcher = await watchCourse(root, async (change) => rebuildAfter(change, await firstBuild), options.log)
  } catch (e) {
    server.close()
    mirror.dispose()
    throw e
  }
  const state = new BuildState()
  const dev: Dev = {
    root,
    options,
    cache: createBuildCache(),
    mirror,
    site: staticSite({ root: mirror.root, base: options.base, mode: 'dev' }),
    state,
    hub: new ReloadHub((path, since) => state.missed(path, since)),
    watcher,
  }
  const first = await rebuild(dev)
  state.settle(first, options.log)
  firstBuilt(dev)
  if (first.result?.diagnostics.length) options.report(first.result.diagnostics, first.result.sources)
  options.log(firstBuildLine(first.result, performance.now() - started))
  return {
    url: `http://localhost:${port}${options.base}`,
    close: async () => {
      await watcher.close()
      dev.hub.close()
      await new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      })
      mirror.dispose()
    },
  }
}

/** Everything one `dev` session holds. */
interface Dev {
  root: string
  options: DevOptions
  cache: BuildCache
  /** The served folder, and its server. */
  mirror: SiteMirror
  site: StaticSite
  state: BuildState
  /** The open pages. */
  hub: ReloadHub
  watcher: CourseWatcher
}

/** Builds from the watcher's snapshot, updates the served folder, and says what changed. */
async function rebuild(dev: Dev): Promise<BuildOutcome> {
  try {
    const result = await compileCourse({
      courseDir: dev.root,
      base: dev.options.base,
      openAll: dev.options.openAll,
      devScript: DEV_SCRIPT_URL,
      cache: dev.cache,
      files: dev.watcher.files(),
    })
    const changed =
      result.ok && result.plan ? dev.mirror.apply(result.plan.files).map((path) => urlPath(dev.options.base, path)) : []
    return { changed, result, thrown: null }
  } catch (e) {
    return { changed: [], result: null, thrown: e }
  }
}

/** Builds after a burst of changes, tells the open pages, and says what happened. */
async function rebuildAfter(change: CourseChange, dev: Dev): Promise<void> {
  const outcome = await rebuild(dev)
  const recovered = dev.state.settle(outcome, dev.options.log) && dev.state.failed === null
  const failed = dev.state.failed
  const event: ReloadEvent = { changed: outcome.changed, error: failed !== null, ms: 0 }
  const what = change.paths.length === 1 ? change.paths[0]! : `${change.paths.length} files`
  if (!failed && !event.changed.length && !recovered) {
    dev.options.log(unchangedLine(what, performance.now() - change.since))
    return
  }
  event.ms = round(performance.now() - change.since)
  const sent = dev.hub.broadcast(event)
  if (failed) {
    const errors = failed.diagnostics.filter((d) => d.severity === 'error')
    dev.options.report(errors, failed.sources)
    dev.options.log(failedLine(what, event.ms, errors, sent))
  } else {
    const rendered = outcome.result?.renderedNow.length ?? 0
    dev.options.log(rebuiltLine(what, event.ms, rendered, event.changed.length, sent))
  }
}

/** Serves the live-reload script and events, the error page while the course does not build, else the site. */
function handle(req: IncomingMessage, res: ServerResponse, dev: Dev): void {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname === DEV_SCRIPT_URL) {
    res
      .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
      .end(RELOAD_CLIENT)
    return
  }
  if (url.pathname === DEV_EVENTS_URL) {
    dev.hub.connect(req, res, url.searchParams)
    return
  }
  const base = dev.options.base
  if (base !== '/' && (url.pathname === '/' || `${url.pathname}/` === base)) {
    res.writeHead(302, { location: base, 'cache-control': 'no-store' }).end()
    return
  }
  const wantsPage = (req.headers.accept ?? '').includes('text/html')
  const failed = dev.state.failed
  if (failed && wantsPage) {
    res
      .writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(errorPage(failed.diagnostics, failed.sources))
    return
  }
  dev.site(req, res, () => {
    if (wantsPage)
      res
        .writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(notFoundPage(url.pathname))
    else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n')
  })
}

/** Under base `/b/`: `x/index.html` → `/b/x/`, `index.html` → `/b/`, `img/a.png` → `/b/img/a.png`. */
function urlPath(base: string, path: string): string {
  return base + path.replace(/(^|\/)index\.html$/, '$1')
}
