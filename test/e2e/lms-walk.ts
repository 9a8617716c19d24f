/**
 * The walk of issue 11, shared by the sample's and the reference course's
 * browser tests: in the test LMS (lms.ts), a learner begins, fails a quiz
 * once, passes three sections, stops on the next quiz and closes the tab;
 * launched again with what the LMS kept, they are back on the same page
 * with the same statements, and finish the course; the LMS then reads
 * passed, and a later launch lowers nothing. Every call the package makes
 * is checked against SCORM's rules, every request against the package's
 * folder, and the browser's storage stays empty.
 */
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { FrameLocator, Page } from 'playwright-core'
import { type Format, makePackage } from '../helpers/scorm-package.ts'
import { tempDir } from '../helpers/temp.ts'
import {
  allRight,
  answerQuiz,
  assertClean,
  currentId,
  firstWrong,
  onwardLink,
  openBrowser,
  readSite,
  type Site,
  type SitePage,
  shownStatements,
  storageKeys,
} from './helpers.ts'
import { assertWellBehaved, CONTENT, coursePage, hostUrl, type Kept, type LmsServer, nextLaunch } from './lms.ts'

export type Version = '12' | '2004'
type Cmi = Kept['cmi']['cmi']

/** The status an LMS shows: 1.2's lesson_status, or 2004's completion and success. */
export function statusOf(version: Version, cmi: Cmi): string {
  return version === '12'
    ? String(cmi.core?.lesson_status)
    : `${String(cmi.completion_status)}/${String(cmi.success_status)}`
}

/** What the LMS holds now, read from scorm-again in the host page. */
export async function lmsData(page: Page): Promise<Cmi> {
  return ((await page.evaluate('window.lmsApi.renderCMIToJSONObject()')) as { cmi: Cmi }).cmi
}

/** Waits for the frame to show page `id`, wired by the runtime (its DOMContentLoaded has run). */
export async function showing(course: FrameLocator, id: string): Promise<void> {
  const html = course.locator(`html[data-cm-page="${id}"]`)
  await html.waitFor({ state: 'attached' })
  await html.evaluate(
    "new Promise((done) => document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', done) : done())",
  )
}

/** Passes the page the frame shows (answering its quiz from the bank) and goes on to the next. */
export async function passAndGoOn(course: FrameLocator, site: Site): Promise<SitePage | undefined> {
  const id = await currentId(course)
  const at = site.pages.findIndex((p) => p.id === id)
  const here = site.pages[at]
  assert.ok(here, `${id} is a course page`)
  if (here.quiz) {
    await answerQuiz(course, here, allRight)
    assert.match((await course.getByRole('status').textContent()) ?? '', /^All \d+ correct/)
  }
  const next = site.pages[at + 1]
  await onwardLink(course, here, next).click()
  await showing(course, next?.id ?? 'index')
  return next
}

/** The suspend data an LMS kept: ASCII letters, digits and `-._~` only, within SCORM 1.2's 4,096 characters. */
export function assertCompact(cmi: Cmi): void {
  const data = String(cmi.suspend_data)
  assert.match(data, /^[A-Za-z0-9._~-]+$/, `suspend data ${data} is URL-safe ASCII`)
  assert.ok(data.length <= 4096, `${data.length} characters of suspend data`)
}

/** The package of `course` in `format`, unzipped into a new temporary folder, and its pages as the built files say. */
export async function unpackedPackage(course: string, format: Format, extra: string[] = []): Promise<Site> {
  const pkg = makePackage(course, format, extra)
  const dir = tempDir('cm-pkg-site-')
  for (const [path, bytes] of pkg.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), bytes)
  }
  return readSite(dir, CONTENT)
}

/** What the walk's launches share: the browser, the LMS, the course, and the URLs the package's pages loaded. */
interface Walk {
  browser: Awaited<ReturnType<typeof openBrowser>>
  lms: LmsServer
  site: Site
  version: Version
  fromPackage: string[]
}

/** The whole walk, in a fresh browser, for the package `lms` serves (whose pages `site` describes). */
export async function walkInLms(lms: LmsServer, site: Site, version: Version): Promise<void> {
  const walk: Walk = { browser: await openBrowser(lms), lms, site, version, fromPackage: [] }
  try {
    const stopped = await firstLaunch(walk)
    const final = await resumeToTheEnd(walk, stopped)
    await reviewLaunch(walk, final)
    assert.deepEqual(
      walk.fromPackage.filter((url) => !url.startsWith(lms.url(CONTENT))),
      [],
      'package pages load only package files',
    )
    assertClean(walk.browser.watch)
  } finally {
    await walk.browser.dispose()
  }
}

/** A new tab on the host page, launching the package (resuming `stored`), its requests watched. */
async function launch(walk: Walk, stored: object | null): Promise<{ page: Page; course: FrameLocator }> {
  const page = await walk.browser.context.newPage()
  page.on('request', (r) => {
    if (r.frame().url().startsWith(walk.lms.url(CONTENT))) walk.fromPackage.push(r.url())
  })
  await page.goto(hostUrl(walk.lms, walk.version, stored))
  return { page, course: coursePage(page) }
}

/** Where the learner stopped: the page, the statements it showed, and what the LMS kept when the tab closed. */
interface Stopped {
  where: string
  drawn: string[]
  kept: Kept
}

/** Launch 1: begin, fail the first quiz once, pass three sections, stop on the next quiz, close the tab. */
async function firstLaunch(walk: Walk): Promise<Stopped> {
  const { lms, site, version } = walk
  const { page, course } = await launch(walk, null)
  await course.getByRole('button', { name: /^Begin the course$/i }).click()
  await showing(course, site.pages[0]!.id)
  let passed = 0
  let failed = false
  while (passed < 3) {
    const id = await currentId(course)
    const here = site.pages.find((p) => p.id === id)
    assert.ok(here, `${id} is a course page`)
    if (here.quiz && !failed) {
      await answerQuiz(course, here, firstWrong)
      failed = true
      const mid = statusOf(version, await lmsData(page))
      assert.equal(mid, version === '12' ? 'incomplete' : 'incomplete/unknown', 'a failed quiz reports nothing')
      await course.getByRole('button', { name: 'Review this section', exact: true }).click()
    }
    await passAndGoOn(course, site)
    if (here.kind === 'section') passed++
  }
  assert.ok(failed, 'a quiz was failed once')
  // On to the next quiz, left unanswered: its statements must be the same after the relaunch.
  let where = await currentId(course)
  while (!site.pages.find((p) => p.id === where)?.quiz) {
    await passAndGoOn(course, site)
    where = await currentId(course)
  }
  const drawn = await shownStatements(course)
  assert.ok(drawn.length > 0, 'a quiz is on show')
  const before = await lmsData(page)
  assert.equal(statusOf(version, before), version === '12' ? 'incomplete' : 'incomplete/unknown')
  assertCompact(before)
  assert.deepEqual(await storageKeys(page), [], 'nothing in localStorage inside an LMS')
  const keptBefore = lms.kept.length
  await page.close()
  // Closing the tab: the launch page's pagehide still commits and terminates, and the beacons arrive.
  while (!lms.kept.slice(keptBefore).some((k) => /Finish|Terminate/.test(k.fn)))
    await new Promise((r) => setTimeout(r, 20))
  const kept = lms.kept[lms.kept.length - 1]!
  assertWellBehaved(kept.log, version)
  assertCompact(kept.cmi.cmi)
  const location = version === '12' ? kept.cmi.cmi.core?.lesson_location : kept.cmi.cmi.location
  assert.match(String(location), /^[\w-]+\/index\.html$/, 'the location is the page file')
  return { where, drawn, kept }
}

/** Launch 2: resumed, the learner is back on the same page with the same statements, and finishes: passed. */
async function resumeToTheEnd(walk: Walk, stopped: Stopped): Promise<Kept> {
  const { site, version } = walk
  const { page, course } = await launch(walk, nextLaunch(version, stopped.kept))
  await showing(course, stopped.where)
  assert.deepEqual(await shownStatements(course), stopped.drawn, 'the same draw after a relaunch')
  while ((await passAndGoOn(course, site)) !== undefined);
  const done = await lmsData(page)
  assert.equal(statusOf(version, done), version === '12' ? 'passed' : 'completed/passed')
  const score = (version === '12' ? done.core?.score : done.score) as Record<string, string>
  assert.deepEqual([score.raw, score.min, score.max], ['100', '0', '100'])
  assert.equal(await course.getByRole('button', { name: /^Reset the course$/i }).count(), 0, 'no Reset in an LMS')
  await page.evaluate('window.closeSco()')
  const log = (await page.evaluate('window.lmsLog')) as Kept['log']
  assertWellBehaved(log, version)
  assert.ok(
    log.some((c) => c.fn.endsWith('GetValue') && c.result === 'resume'),
    'entry was resume',
  )
  const final = (await page.evaluate('({ fn: "", cmi: window.lmsApi.renderCMIToJSONObject(), log: [] })')) as Kept
  await page.close()
  return final
}

/** Launch 3, after the end: the learner reviews; nothing the LMS holds is lowered or rewritten. */
async function reviewLaunch(walk: Walk, final: Kept): Promise<void> {
  const { version } = walk
  const { page, course } = await launch(walk, nextLaunch(version, final))
  await showing(course, 'index')
  await course.getByText('You have completed the course.').waitFor()
  await page.evaluate('window.closeSco()')
  const review = (await page.evaluate('window.lmsLog')) as Kept['log']
  assertWellBehaved(review, version)
  assert.deepEqual(
    review.filter((c) => c.fn.endsWith('SetValue') && /status|score/.test(c.args[0]!)),
    [],
    'status and score are left as they were',
  )
  assert.equal(statusOf(version, await lmsData(page)), version === '12' ? 'passed' : 'completed/passed')
  await page.close()
}
