/**
 * The sample course as SCORM 1.2 and SCORM 2004 packages, run by a real
 * SCORM run-time (scorm-again) in a test LMS page (lms.ts), taken in
 * Chromium by role and accessible name: a learner walks three sections,
 * failing a quiz once, closes the tab, comes back to the same page and the
 * same draw, and finishes; the LMS then reads passed. Every call the
 * package makes is checked against SCORM's rules.
 */
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { FrameLocator, Page } from 'playwright-core'
import { tempDir } from '../helpers/temp.ts'
import { FORMATS, makePackage } from '../helpers/scorm-package.ts'
import {
  allRight,
  answerQuiz,
  assertClean,
  cannotRun,
  currentId,
  firstWrong,
  onwardLink,
  openBrowser,
  readSite,
  SAMPLE,
  type Site,
  type SitePage,
  shownStatements,
  storageKeys,
  withBrowser,
} from './helpers.ts'
import {
  assertWellBehaved,
  CONTENT,
  coursePage,
  hostUrl,
  type Kept,
  type LmsServer,
  nextLaunch,
  serveLms,
} from './lms.ts'

type Version = '12' | '2004'
type Cmi = Kept['cmi']['cmi']

/** The status an LMS shows: 1.2's lesson_status, or 2004's completion and success. */
function statusOf(version: Version, cmi: Cmi): string {
  return version === '12'
    ? String(cmi.core?.lesson_status)
    : `${String(cmi.completion_status)}/${String(cmi.success_status)}`
}

/** What the LMS holds now, read from scorm-again in the host page. */
async function lmsData(page: Page): Promise<Cmi> {
  return ((await page.evaluate('window.lmsApi.renderCMIToJSONObject()')) as { cmi: Cmi }).cmi
}

/** Waits for the frame to show page `id`. */
async function showing(course: FrameLocator, id: string): Promise<void> {
  await course.locator(`html[data-cm-page="${id}"]`).waitFor({ state: 'attached' })
}

/** Passes the page the frame shows (answering its quiz from the bank) and goes on to the next. */
async function passAndGoOn(course: FrameLocator, site: Site): Promise<SitePage | undefined> {
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
function assertCompact(cmi: Cmi): void {
  const data = String(cmi.suspend_data)
  assert.match(data, /^[A-Za-z0-9._~-]+$/, `suspend data ${data} is URL-safe ASCII`)
  assert.ok(data.length <= 4096, `${data.length} characters of suspend data`)
}

describe('SCORM packages in a test LMS', { skip: cannotRun() ?? false }, () => {
  for (const format of FORMATS) {
    const version: Version = format === 'scorm12' ? '12' : '2004'
    describe(format, () => {
      let lms: LmsServer | undefined
      let site: Site | undefined
      before(async () => {
        const pkg = makePackage(SAMPLE, format)
        const dir = tempDir('cm-pkg-site-')
        for (const [path, bytes] of pkg.files) {
          mkdirSync(dirname(join(dir, path)), { recursive: true })
          writeFileSync(join(dir, path), bytes)
        }
        site = await readSite(dir, CONTENT)
        lms = await serveLms(dir)
      })
      after(() => lms?.close())

      it('keeps progress in the LMS: three sections, a failed quiz, a closed tab, a resume, passed', async () => {
        assert.ok(lms && site)
        const browser = await openBrowser(lms)
        const fromPackage: string[] = []
        const watchPackage = (page: Page) =>
          page.on('request', (r) => {
            if (r.frame().url().startsWith(lms!.url(CONTENT))) fromPackage.push(r.url())
          })
        try {
          // Launch 1: begin, fail the first quiz once, pass three sections, then close the tab.
          let page = browser.page
          watchPackage(page)
          await page.goto(hostUrl(lms, version))
          let course = coursePage(page)
          await course.getByRole('button', { name: 'Begin the course', exact: true }).click()
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
          const last = lms.kept[lms.kept.length - 1]!
          assertWellBehaved(last.log, version)
          assertCompact(last.cmi.cmi)
          const location = version === '12' ? last.cmi.cmi.core?.lesson_location : last.cmi.cmi.location
          assert.match(String(location), /^[a-z-]+\/index\.html$/, 'the location is the page file')

          // Launch 2: the LMS resumes; the learner is back on the same page, with the same statements.
          page = await browser.context.newPage()
          watchPackage(page)
          await page.goto(hostUrl(lms, version, nextLaunch(version, last)))
          course = coursePage(page)
          await showing(course, where)
          assert.deepEqual(await shownStatements(course), drawn, 'the same draw after a relaunch')
          while ((await passAndGoOn(course, site)) !== undefined);
          const done = await lmsData(page)
          assert.equal(statusOf(version, done), version === '12' ? 'passed' : 'completed/passed')
          const score = (version === '12' ? done.core?.score : done.score) as Record<string, string>
          assert.deepEqual([score.raw, score.min, score.max], ['100', '0', '100'])
          assert.equal(await course.getByRole('button', { name: 'Reset the course' }).count(), 0, 'no Reset in an LMS')
          await page.evaluate('window.closeSco()')
          const log = (await page.evaluate('window.lmsLog')) as Kept['log']
          assertWellBehaved(log, version)
          assert.ok(
            log.some((c) => c.fn.endsWith('GetValue') && c.result === 'resume'),
            'entry was resume',
          )
          const final = (await page.evaluate(
            '({ fn: "", cmi: window.lmsApi.renderCMIToJSONObject(), log: [] })',
          )) as Kept

          // Launch 3, after the end: the learner reviews; nothing the LMS holds is lowered or rewritten.
          await page.goto(hostUrl(lms, version, nextLaunch(version, final)))
          course = coursePage(page)
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
          assert.deepEqual(
            fromPackage.filter((url) => !url.startsWith(lms!.url(CONTENT))),
            [],
            'package pages load only package files',
          )
          assertClean(browser.watch)
        } finally {
          await browser.dispose()
        }
      })

      it('outside an LMS opens the course index, which keeps progress in this browser and says so', async () => {
        assert.ok(lms && site)
        await withBrowser(lms, async ({ page, watch }) => {
          await page.goto(lms!.url(`${CONTENT}scorm.html`))
          await page.waitForURL(lms!.url(`${CONTENT}index.html`))
          await page.getByText('You opened this course outside your learning platform', { exact: false }).waitFor()
          await page.getByRole('button', { name: 'Begin the course', exact: true }).click()
          await page.locator(`html[data-cm-page="${site!.pages[0]!.id}"]`).waitFor({ state: 'attached' })
          assert.equal((await storageKeys(page)).length, 1, 'progress is in localStorage')
          assertClean(watch)
        })
      })
    })
  }
})
