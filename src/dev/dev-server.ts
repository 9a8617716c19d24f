/**
 * `coursemark dev`: builds the course into memory, serves it on 127.0.0.1,
 * watches the folder and, after each change, rebuilds what the change
 * touched and tells the open pages to reload.
 *
 *     edit ─► course-watcher ─► compileCourse (cache: one page rendered) ─► site-mirror ─► reload-hub (SSE)
 *                                         └─ errors ─► every page shows them, until fixed
 *
 * Nothing here ever stops the server: a broken course is shown in the
 * browser, and even a bug of ours in a rebuild is shown, not thrown.
 */
import { statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createBuildCache } from '../pipeline/build-cache.ts'
import { type BuildResult, compileCourse } from '../pipeline/compile-course.ts'
import { countSummary } from '../diagnostics/format.ts'
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { UserError } from '../diagnostics/user-error.ts'
import { watchCourse, type CourseChange } from './course-watcher.ts'
import { errorPage, notFoundPage } from './error-page.ts'
import { DEV_EVENTS_URL, DEV_SCRIPT_URL, RELOAD_CLIENT, type ReloadEvent } from './reload-client.ts'
import { ReloadHub } from './reload-hub.ts'
import { SiteMirror } from './site-mirror.ts'

export interface DevOptions {
  /** The course folder. */
  courseDir: string
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number
  /** Build with every page open (no gating) and a banner saying so. */
  openAll: boolean
  /** Prints a line for the author (no newline at the end). */
  log: (line: string) => void
  /** Prints diagnostics for the author. */
  report: (diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>) => void
}

export interface DevServer {
  /** The address pages are served at, ending in `/`. */
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

  const cache = createBuildCache()
  const mirror = new SiteMirror()
  /** The last build's errors, while the course does not build. */
  let failed: BuildResult | null = null
  /** When each URL path last changed, and when the error state last did (ms since the epoch). */
  const changedAt = new Map<string, number>()
  let errorChangedAt = 0
  let anyFileChangedAt = 0

  const hub = new ReloadHub((path, since) => {
    const error = failed !== null
    if (errorChangedAt > since) return { changed: [], error, ms: 0 }
    if ((changedAt.get(path) ?? 0) > since || anyFileChangedAt > since) return { changed: [path], error, ms: 0 }
    return null
  })

  /** Builds, updates the served folder, and says what changed. */
  const rebuild = async (): Promise<{ changed: string[]; result: BuildResult | null; thrown: unknown }> => {
    try {
      const result = await compileCourse({
        courseDir: root,
        base: '/',
        openAll: options.openAll,
        devScript: DEV_SCRIPT_URL,
        cache,
        files: watcher.files(),
      })
      const changed = result.ok && result.plan ? mirror.apply(result.plan.files).map(urlPath) : []
      return { changed, result, thrown: null }
    } catch (e) {
      return { changed: [], result: null, thrown: e }
    }
  }

  // The watcher reads the course; changes seen during the first build wait for it.
  const started = performance.now()
  let firstBuilt: () => void = () => {}
  const firstBuild = new Promise<void>((done) => (firstBuilt = done))
  const watcher = await watchCourse(root, (change) => onChange(change), options.log)
  const first = await rebuild()
  settleState(first)
  firstBuilt()
  if (first.result?.diagnostics.length) options.report(first.result.diagnostics, first.result.sources)
  options.log(
    first.result?.ok
      ? `Built ${first.result.pages.size} pages in ${ms(performance.now() - started)}${first.result.diagnostics.length ? ` with ${countSummary(first.result.diagnostics)}` : ''}.`
      : 'The course does not build yet: the browser shows why, and the page reloads when it is fixed.',
  )

  /** Records the outcome of a build: the error state, and when things changed. */
  function settleState(outcome: { changed: string[]; result: BuildResult | null; thrown: unknown }): boolean {
    const now = Date.now()
    const wasFailed = failed !== null
    if (outcome.thrown !== null) {
      const e = outcome.thrown
      const message = e instanceof Error ? e.message : String(e)
      options.log(
        `coursemark: internal error while rebuilding; please report it:\n${e instanceof Error && e.stack ? e.stack : message}`,
      )
      failed = {
        ok: false,
        diagnostics: [
          error({
            code: 'dev/internal',
            message: `coursemark failed while rebuilding: ${message}`,
            file: '',
            line: 0,
            column: 0,
            hint: 'This is a bug in coursemark; the terminal shows the details. Save a page to try again.',
          }),
        ],
        course: null,
        pages: new Map(),
        plan: null,
        sources: new Map(),
        renderedNow: [],
      }
    } else failed = outcome.result && !outcome.result.ok ? outcome.result : null
    for (const path of outcome.changed) {
      changedAt.set(path, now)
      if (!path.endsWith('/')) anyFileChangedAt = now
    }
    if (wasFailed !== (failed !== null) || failed !== null) errorChangedAt = now
    return wasFailed !== (failed !== null)
  }

  /** Builds after a burst of changes, and tells the open pages. */
  async function onChange(change: CourseChange): Promise<void> {
    await firstBuild
    const outcome = await rebuild()
    const recovered = settleState(outcome) && failed === null
    const event: ReloadEvent = { changed: outcome.changed, error: failed !== null, ms: 0 }
    const what = change.paths.length === 1 ? change.paths[0]! : `${change.paths.length} files`
    if (failed) {
      event.ms = round(performance.now() - change.since)
      const sent = hub.broadcast(event)
      const errors = failed.diagnostics.filter((d) => d.severity === 'error')
      options.report(errors, failed.sources)
      options.log(
        `Build failed after ${what} changed (${ms(event.ms)}): ${countSummary(errors)}; ${sentTo(sent, 'shown in')}.`,
      )
    } else if (event.changed.length || recovered) {
      event.ms = round(performance.now() - change.since)
      const sent = hub.broadcast(event)
      const rendered = outcome.result?.renderedNow.length ?? 0
      options.log(
        `Rebuilt in ${ms(event.ms)} after ${what} changed: ${rendered} page${rendered === 1 ? '' : 's'} rendered, ${event.changed.length} file${event.changed.length === 1 ? '' : 's'} updated, ${sentTo(sent, 'reload sent to')}.`,
      )
    } else {
      options.log(`Rebuilt in ${ms(performance.now() - change.since)} after ${what} changed: the site is the same.`)
    }
  }

  const { default: sirv } = await import('sirv')
  const serveFile = sirv(mirror.root, { dev: true, etag: false, extensions: ['html'] })
  const server = createServer((req, res) => handle(req, res))

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === DEV_SCRIPT_URL) {
      res
        .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
        .end(RELOAD_CLIENT)
      return
    }
    if (url.pathname === DEV_EVENTS_URL) {
      hub.connect(req, res, url.searchParams)
      return
    }
    const wantsPage = (req.headers.accept ?? '').includes('text/html')
    if (failed && wantsPage) {
      res
        .writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(errorPage(failed.diagnostics, failed.sources))
      return
    }
    serveFile(req, res, () => {
      if (wantsPage)
        res
          .writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
          .end(notFoundPage(url.pathname))
      else res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n')
    })
  }

  await new Promise<void>((done, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      void watcher.close()
      mirror.dispose()
      fail(
        e.code === 'EADDRINUSE'
          ? new UserError(`Port ${options.port} is in use.`, {
              hint: 'Pass another one with --port, or --port 0 for any free port.',
            })
          : e,
      )
    })
    server.listen(options.port, '127.0.0.1', done)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port

  return {
    url: `http://localhost:${port}/`,
    close: async () => {
      await watcher.close()
      hub.close()
      await new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      })
      mirror.dispose()
    },
  }
}

/** `x/index.html` → `/x/`, `index.html` → `/`, `img/a.png` → `/img/a.png`. */
function urlPath(path: string): string {
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}

function ms(n: number): string {
  return n < 1000 ? `${round(n)} ms` : `${(n / 1000).toFixed(1)} s`
}

function sentTo(n: number, verb: string): string {
  return `${verb} ${n} page${n === 1 ? '' : 's'}`
}
