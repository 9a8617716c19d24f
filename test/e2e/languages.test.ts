/**
 * Courses in French and in Arabic (test/fixtures/course-fr, course-ar),
 * taken in Chromium by their French and Arabic accessible names: begin, a
 * section failed then passed on a new draw, the next, the end, the
 * completion record. Every page says its language and direction, and axe
 * finds no violation in any state on the way.
 */
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import {
  allRight,
  answerQuiz,
  assertClean,
  axeViolations,
  cannotRun,
  finishCourse,
  firstWrong,
  landOn,
  onwardLink,
  ROOT,
  type Served,
  type Site,
  type SitePage,
  useServedSite,
  visit,
  type Words,
  withBrowser,
} from './helpers.ts'

/** A course's words for the walk, beyond those the helpers use. */
interface Course extends Words {
  dir: string
  lang: string
  direction: 'ltr' | 'rtl'
  begin: string
  retry: string
  /** The summary of an attempt with `correct` of `total` right; numbers as the page writes them. */
  failed: (correct: string, total: string) => string
  courseDone: string
  indexComplete: string
  record: string
  recordTable: string
}

const FRENCH: Course = {
  dir: join(ROOT, 'test', 'fixtures', 'course-fr'),
  lang: 'fr',
  direction: 'ltr',
  quiz: 'Quiz',
  score: 'Valider',
  beginChapter: 'Commencer le chapitre',
  nextSection: 'Section suivante',
  backToIndex: 'Retour au sommaire de la formation',
  passed: /^Vos \d+ réponses sont justes\. Vous avez réussi ce quiz\.$/,
  begin: 'Commencer la formation',
  retry: 'Relire cette section',
  failed: (correct, total) =>
    `Réponses justes\u00a0: ${correct} sur ${total}. Pour réussir, toutes les réponses doivent être justes\u00a0: relisez cette section, puis essayez une nouvelle série d’affirmations.`,
  courseDone: 'Vous avez terminé la formation.',
  indexComplete: 'Vous avez terminé la formation. Toutes les pages restent ouvertes pour être relues.',
  record: 'Votre récapitulatif de formation',
  recordTable: 'Sections réussies',
}

const ARABIC: Course = {
  dir: join(ROOT, 'test', 'fixtures', 'course-ar'),
  lang: 'ar',
  direction: 'rtl',
  quiz: 'اختبار',
  score: 'تصحيح الإجابات',
  beginChapter: 'بدء الفصل',
  nextSection: 'القسم التالي',
  backToIndex: 'العودة إلى فهرس الدورة',
  passed: /^كل الإجابات صحيحة \(\S+ من \S+\)\. لقد اجتزت هذا الاختبار\.$/,
  begin: 'بدء الدورة',
  retry: 'مراجعة هذا القسم',
  failed: (correct, total) =>
    `الإجابات الصحيحة: ${correct} من ${total}. لاجتياز الاختبار يجب أن تكون كل الإجابات صحيحة، والخطوة التالية مراجعة هذا القسم ثم تجربة مجموعة جديدة من العبارات.`,
  courseDone: 'لقد أتممت الدورة.',
  indexComplete: 'لقد أتممت الدورة. كل الصفحات متاحة للمراجعة.',
  record: 'سجل إتمام الدورة',
  recordTable: 'الأقسام المجتازة',
}

/** The page's language and direction, as `<html>` says them. */
async function langAndDir(page: Page): Promise<[string | null, string | null]> {
  const html = page.locator('html')
  return [await html.getAttribute('lang'), await html.getAttribute('dir')]
}

/** A number as the page writes it (Intl, in the page's language). */
function number(page: Page, n: number): Promise<string> {
  return page.evaluate(`(${n}).toLocaleString(document.documentElement.lang)`) as Promise<string>
}

/** Takes the whole course by `course`'s names, checking language, direction and axe at each state. */
async function walk(page: Page, served: Served, site: Site, course: Course): Promise<void> {
  const found: string[] = []
  const check = async (state: string) => {
    assert.deepEqual(await langAndDir(page), [course.lang, course.direction], `${state}: lang and dir`)
    for (const v of await axeViolations(page)) found.push(`${state}: ${v}`)
  }
  await visit(page, served, site.index.path)
  await check('index, no progress')
  await page.getByRole('button', { name: course.begin, exact: true }).click()
  const [chapter, first, second] = site.pages as [SitePage, SitePage, SitePage]
  await landOn(page, served, chapter)
  await check('chapter')
  await onwardLink(page, chapter, first, course).click()
  await landOn(page, served, first)
  await check('section, unanswered')

  const n = first.quiz?.n ?? 0
  await answerQuiz(page, first, firstWrong, course)
  const status = page.getByRole('status')
  assert.equal(await status.textContent(), course.failed(await number(page, n - 1), await number(page, n)))
  await check('section, failed')
  await page.getByRole('button', { name: course.retry, exact: true }).click()
  await answerQuiz(page, first, allRight, course)
  assert.match((await status.textContent()) ?? '', course.passed)
  await check('section, passed')

  await onwardLink(page, first, second, course).click()
  await landOn(page, served, second)
  await answerQuiz(page, second, allRight, course)
  assert.equal(await page.getByText(course.courseDone, { exact: true }).count(), 1)
  await check('last section, passed')
  await onwardLink(page, second, undefined, course).click()
  await landOn(page, served, site.index)
  assert.equal(await page.locator('[data-cm-status]').textContent(), course.indexComplete)
  await check('index, course complete')
  await page.getByRole('link', { name: course.record, exact: true }).click()
  await page.getByRole('table', { name: course.recordTable }).waitFor()
  await check('completion record')
  assert.deepEqual(found, [])
}

describe('a course in French in a browser', { skip: cannotRun(FRENCH.dir) ?? false }, () => {
  const built = useServedSite(FRENCH.dir)

  it('is taken by its French names, from Begin to the completion record, with no axe violation', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      await walk(page, built.served, built.site, FRENCH)
      assertClean(watch)
    })
  })
})

describe('a course in Arabic in a browser', { skip: cannotRun(ARABIC.dir) ?? false }, () => {
  const built = useServedSite(ARABIC.dir)

  it('is taken by its Arabic names, from Begin to the completion record, with no axe violation', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      await walk(page, built.served, built.site, ARABIC)
      assertClean(watch)
    })
  })

  /** The left and right edges (CSS pixels) of the element `selector` matches, or of its text when `text`. */
  const edges = (page: Page, selector: string, text = false) =>
    page.evaluate(
      `(() => { const e = document.querySelector(${JSON.stringify(selector)}); const range = document.createRange(); range.selectNodeContents(e)
        const r = (${text} ? range : e).getBoundingClientRect(); return [r.left, r.right] })()`,
    ) as Promise<[number, number]>

  it('mirrors the dots, the answers, the marks and the controls, and is no wider than the window', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      const [chapter, first] = built.site.pages as [SitePage, SitePage]
      await visit(page, built.served, chapter.path)
      await onwardLink(page, chapter, first, ARABIC).click()
      await landOn(page, built.served, first)
      const [dot1, dot2] = [
        await edges(page, '.cm-dots li:nth-child(1)'),
        await edges(page, '.cm-dots li:nth-child(2)'),
      ]
      assert.ok(dot1[0] > dot2[1], `the first dot is right of the second: ${dot1} ${dot2}`)
      // The statements shown: the page holds the whole bank, the others hidden.
      const shown = '.cm-q-list > li:not([hidden])'
      const [yes, no] = [
        await edges(page, `${shown} label:nth-child(1)`),
        await edges(page, `${shown} label:nth-child(2)`),
      ]
      assert.ok(yes[0] > no[1], 'the first answer is right of the second')
      const main = await edges(page, '#cm-main h1')
      assert.ok(
        Math.abs(yes[1] - (await edges(page, `${shown} .cm-q`))[1]) < 40,
        'answers start at the right of their group',
      )
      const group = await page.evaluate(
        `(() => { const s = getComputedStyle(document.querySelector('.cm-q-list > li:not([hidden]) .cm-q')); return [s.borderRightWidth, s.borderLeftWidth] })()`,
      )
      assert.deepEqual(group, ['6px', '1px'], 'the thick edge of a statement is on its right, where it starts')

      await answerQuiz(page, first, firstWrong, ARABIC)
      const retry = await edges(page, '.cm-next .cm-button')
      assert.ok(Math.abs(retry[1] - main[1]) < 2, 'the button starts at the right, as the text does')
      const mark = await edges(page, '.cm-wrong .cm-q-result strong')
      const result = await edges(page, '.cm-wrong .cm-q-result')
      assert.ok(Math.abs(mark[1] - result[1]) < 2, 'the mark starts its line, at the right')

      assert.equal(
        await page.evaluate('document.documentElement.scrollWidth <= innerWidth'),
        true,
        'no sideways scroll',
      )
      await page.keyboard.press('Tab')
      const skip = await edges(page, '.cm-skip')
      const width = (await page.evaluate('innerWidth')) as number
      assert.ok(skip[1] > width - 40, `the skip link shows at the right: ${skip}`)
      assertClean(watch)
    })
  })

  it('puts the progress dialog’s labels at the right and its link and code left to right', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      await finishCourse(page, built.served, built.site)
      await visit(page, built.served, built.site.index.path)
      await page.getByRole('button', { name: 'نقل تقدمك', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: 'نقل تقدمك' })
      await dialog.waitFor()
      const box = await edges(page, 'dialog')
      const label = await edges(page, 'dialog label', true)
      assert.ok(box[1] - label[1] < 40 && label[0] - box[0] > 40, `the label sits at the right: ${label} in ${box}`)
      const code = dialog.getByRole('textbox', { name: 'تقدمك على شكل رمز' })
      assert.equal(await code.getAttribute('id'), 'cm-move-code')
      for (const id of ['cm-move-link', 'cm-move-code', 'cm-move-input'])
        assert.equal(await page.evaluate(`getComputedStyle(document.getElementById('${id}')).direction`), 'ltr', id)
      assertClean(watch)
    })
  })
})
