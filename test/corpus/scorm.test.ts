/**
 * The reference course as SCORM 1.2 and 2004 packages (`--base /listen/`,
 * the path its own links assume): manifests valid against the schemas,
 * every URL relative, and the walk of issue 11 to the end in the test LMS.
 * Then the course at 100× (5,801 pages, made as `npm run bench` makes it):
 * its suspend data stays within SCORM 1.2's 4,096 characters at every point
 * of a learner's way through it. Runs only where `../shared/corpus/listen`
 * exists.
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { corpusCourse, scaledCourse } from '../../bench/courses.ts'
import { manifestOf } from '../../src/emit/runtime-manifest.ts'
import { compileCourse } from '../../src/index.ts'
import { siteOptions } from '../../src/pipeline/site-options.ts'
import { encodeSuspendData } from '../../src/runtime/lms/suspend-data.ts'
import { codeCourse } from '../../src/runtime/page-key.ts'
import { freshState } from '../../src/runtime/progress-state.ts'
import { cannotRun, CORPUS, type Site } from '../e2e/helpers.ts'
import { type LmsServer, serveLms } from '../e2e/lms.ts'
import { unpackedPackage, walkInLms } from '../e2e/lms-walk.ts'
import { assertRelativeUrls, FORMATS, makePackage, manifestErrors } from '../helpers/scorm-package.ts'
import { tempDir } from '../helpers/temp.ts'

const skip = existsSync(CORPUS) ? cannotRun(CORPUS) : `${CORPUS} is not here`

describe('the reference course as SCORM packages', { skip: skip ?? false }, () => {
  for (const format of FORMATS) {
    describe(format, () => {
      let lms: LmsServer | undefined
      let site: Site | undefined
      before(async () => {
        site = await unpackedPackage(CORPUS, format, ['--base', '/listen/'])
        lms = await serveLms(site.dir)
      })
      after(() => lms?.close())

      it('has a manifest valid against the schemas, and only relative URLs to its own files', async () => {
        const pkg = makePackage(CORPUS, format, ['--base', '/listen/'])
        assert.equal(await manifestErrors(pkg.text('imsmanifest.xml'), format), '')
        // Every page's links and script (the stylesheet is in the page): over 900 URLs in all.
        assert.ok(assertRelativeUrls(pkg) > 900)
      })

      it('is walked to the end in the test LMS: a failed quiz, a closed tab, a resume, passed', async () => {
        assert.ok(lms && site)
        assert.equal(site.pages.length, 58)
        await walkInLms(lms, site, format === 'scorm12' ? '12' : '2004')
      })
    })
  }
})

describe('the reference course at 100×', { skip: existsSync(CORPUS) ? false : `${CORPUS} is not here` }, () => {
  it('keeps suspend data within 4,096 URL-safe characters from the first page to the last', async () => {
    const course = scaledCourse(corpusCourse()!, 100, tempDir('cm-x100-'))
    const result = await compileCourse({ courseDir: course.dir, base: course.base, lms: true })
    assert.ok(result.course, 'the 100× course builds')
    // The tag and page keys a package's pages name their progress with.
    const manifest = codeCourse(manifestOf(result.course, siteOptions({ base: course.base, lms: true }), null))
    assert.equal(manifest.pages.length, 5800)
    const state = freshState('9f2c0a1b3d4e5f60')
    let longest = 0
    for (let k = 0; k <= manifest.pages.length; k++) {
      state.done = manifest.pages.slice(0, k).map((p) => p.id)
      state.attempts = Object.create(null) as typeof state.attempts
      const next = manifest.pages[k]
      if (next) state.attempts[next.id] = { bank: '1y2p0ij32e8e7', n: 99 }
      const data = encodeSuspendData(state, manifest)
      assert.match(data, /^[A-Za-z0-9._-]+$/)
      longest = Math.max(longest, data.length)
    }
    assert.ok(longest <= 4096, `${longest} characters`)
  })
})
