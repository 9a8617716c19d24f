/**
 * The sample course as SCORM 1.2 and SCORM 2004 packages, run by a real
 * SCORM run-time (scorm-again) in a test LMS page (lms.ts) and taken in
 * Chromium by role and accessible name: the walk of lms-walk.ts, and the
 * package opened outside an LMS.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { FORMATS } from '../helpers/scorm-package.ts'
import { assertClean, cannotRun, SAMPLE, type Site, storageKeys, withBrowser } from './helpers.ts'
import { CONTENT, coursePage, hostUrl, type LmsServer, nextLaunch, serveLms } from './lms.ts'
import { showing, unpackedPackage, walkInLms } from './lms-walk.ts'

describe('SCORM packages in a test LMS', { skip: cannotRun() ?? false }, () => {
  for (const format of FORMATS) {
    describe(format, () => {
      let lms: LmsServer | undefined
      let site: Site | undefined
      before(async () => {
        site = await unpackedPackage(SAMPLE, format)
        lms = await serveLms(site.dir)
      })
      after(() => lms?.close())

      it('keeps progress in the LMS: three sections, a failed quiz, a closed tab, a resume, passed', async () => {
        assert.ok(lms && site)
        await walkInLms(lms, site, format === 'scorm12' ? '12' : '2004')
      })

      it('resumed at a page the package no longer has, opens the course index instead', async () => {
        assert.ok(lms)
        const gone = 'gone/index.html'
        const cmi = { exit: 'suspend', location: gone, completion_status: 'incomplete', success_status: 'unknown' }
        const kept = {
          fn: '',
          log: [],
          cmi: { cmi: { ...cmi, core: { ...cmi, lesson_location: gone }, suspend_data: '' } },
        }
        await withBrowser(lms, async ({ page }) => {
          await page.goto(
            hostUrl(lms!, format === 'scorm12' ? '12' : '2004', nextLaunch(format === 'scorm12' ? '12' : '2004', kept)),
          )
          await showing(coursePage(page), 'index')
        })
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
