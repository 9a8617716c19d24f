/**
 * The course offline, as a learner meets it: open the index online, wait for
 * the service worker, lose the network, take two sections never visited,
 * restart the browser still offline and go on; then a new build is deployed
 * and, back online, the page offers Reload, which shows the new text.
 *
 * "Offline" is both Chromium's (`setOffline`) and the server's: it is
 * stopped, so nothing can come from the network, whatever the emulation
 * covers. The site is served under a base path, where the worker must live.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import sirv from 'sirv'
import {
  answerQuiz,
  cannotRun,
  landOn,
  onwardLink,
  openBrowser,
  ROOT,
  readSite,
  SAMPLE,
  type Served,
  type Site,
  type SitePage,
  visit,
} from './helpers.ts'

const run = promisify(execFile)
const BASE = '/course/'

/** Build `course` into `out` under BASE with the CLI. */
async function build(course: string, out: string): Promise<void> {
  await run(process.execPath, [join(ROOT, 'bin', 'coursemark.js'), 'build', course, '--out', out, '--base', BASE])
}

/** A server for `dir` under BASE that can be stopped and started again on the same port. */
class Host {
  private server: Server | null = null
  port = 0
  constructor(private readonly dir: string) {}

  async start(): Promise<Served> {
    const files = sirv(this.dir, { dev: true })
    this.server = createServer((req, res) => {
      const url = req.url ?? '/'
      if (!url.startsWith(BASE)) {
        res.statusCode = 404
        res.end()
        return
      }
      req.url = `/${url.slice(BASE.length)}`
      files(req, res, () => {
        res.statusCode = 404
        res.end()
      })
    })
    await new Promise<void>((done) => this.server?.listen(this.port, '127.0.0.1', done))
    this.port = (this.server.address() as AddressInfo).port
    const origin = `http://127.0.0.1:${this.port}`
    return { origin, url: (path) => origin + path, close: () => this.stop() }
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = null
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((done) => server.close(() => done()))
  }
}

describe('the course offline', { skip: cannotRun() ?? false }, () => {
  let work = ''
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'cm-e2e-offline-'))
    await cp(SAMPLE, join(work, 'course'), { recursive: true })
  })
  after(async () => {
    await rm(work, { recursive: true, force: true })
  })

  it('works offline after one online visit, across a restart, and offers Reload for a new build', async () => {
    const out = join(work, 'site')
    await build(join(work, 'course'), out)
    const site: Site = await readSite(out, BASE)
    const host = new Host(out)
    const served = await host.start()
    let browser = await openBrowser(served)
    try {
      await visit(browser.page, served, site.index.path)
      assert.equal(await browser.page.evaluate('navigator.serviceWorker.ready.then((r) => r.scope)'), served.url(BASE))

      await host.stop()
      await browser.context.setOffline(true)
      // Two sections never visited, their quizzes passed, with the network gone.
      const [chapter, first, second, third] = site.pages as [SitePage, SitePage, SitePage, SitePage]
      await visit(browser.page, served, chapter.path)
      await onwardLink(browser.page, chapter, first).click()
      await landOn(browser.page, served, first)
      for (const [here, next] of [
        [first, second],
        [second, third],
      ] as const) {
        await answerQuiz(browser.page, here)
        assert.match((await browser.page.getByRole('status').textContent()) ?? '', /^All \d+ correct/)
        await onwardLink(browser.page, here, next).click()
        await landOn(browser.page, served, next)
      }

      // A restart, still offline: the course goes on where it was.
      await browser.close()
      browser = await openBrowser(served, { profile: browser.profile })
      await browser.context.setOffline(true)
      await visit(browser.page, served, site.index.path)
      await browser.page.getByRole('button', { name: 'Continue the course' }).click()
      // The chapter page `third` was done on opening, so the course goes on after it.
      await landOn(browser.page, served, site.pages[4] as SitePage)

      // A new build with a changed page, deployed; back online, the next visit offers it.
      const file = join(work, 'course', 'what-a-listener-does.md')
      await writeFile(file, `${await readFile(file, 'utf8')}\nThis sentence is new in the second build.\n`)
      await build(join(work, 'course'), out)
      await host.start()
      await browser.context.setOffline(false)
      await visit(browser.page, served, site.index.path)
      const notice = browser.page.getByRole('status').filter({ hasText: 'A new version of this course is available' })
      await notice.waitFor()
      // Listening before the click: on a fast reload, `load` could come before a listener added after it.
      const reloaded = browser.page.waitForEvent('load')
      await notice.getByRole('button', { name: 'Reload' }).click()
      await reloaded
      await visit(browser.page, served, second.path)
      await browser.page.getByText('This sentence is new in the second build.').waitFor()
      assert.deepEqual(browser.watch.foreign, [])
    } finally {
      await browser.dispose()
      await host.stop()
    }
  })
})
