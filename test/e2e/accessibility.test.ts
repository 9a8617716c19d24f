/**
 * Accessibility of what the runtime renders: axe-core finds no violation in
 * each state a learner meets, and one section can be taken with the keyboard
 * alone.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import {
  advanceTo,
  answerQuiz,
  assertClean,
  axeViolations,
  cannotRun,
  firstWrong,
  focusInfo,
  landOn,
  pageWhere,
  passAndGoOn,
  SAMPLE,
  type SitePage,
  tabTo,
  visit,
  useServedSite,
  withBrowser,
} from './helpers.ts'

describe('accessibility in a browser', { skip: cannotRun() ?? false }, () => {
  const built = useServedSite(SAMPLE)

  const quizSection = () =>
    pageWhere(built.site, 'a section with a quiz', (p) => p.kind === 'section' && (p.quiz?.n ?? 0) >= 2)

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations in any state a learner meets (${scheme} colour scheme)`, async () => {
      await withBrowser(built.served, async ({ page, watch }) => {
        await page.emulateMedia({ colorScheme: scheme })
        const found: string[] = []
        const check = async (state: string) => {
          for (const v of await axeViolations(page)) found.push(`${state}: ${v}`)
        }
        await visit(page, built.served, built.site.index.path)
        await check('index, no progress')
        const chapter = pageWhere(built.site, 'a chapter page', (p) => p.kind === 'chapter')
        const target = quizSection()
        await advanceTo(page, built.served, built.site, chapter)
        await check('chapter page')
        await advanceTo(page, built.served, built.site, target)
        await check('section, unanswered')
        await page.getByRole('button', { name: 'Score', exact: true }).press('Enter')
        await check('section, Score pressed too early')
        await answerQuiz(page, target, firstWrong)
        await check('section, scored with a wrong answer')
        await page.getByRole('button', { name: 'Review this section', exact: true }).click()
        await answerQuiz(page, target)
        await check('section, scored all right')
        await visit(page, built.served, target.path)
        await check('section, in review')
        await visit(page, built.served, built.site.index.path)
        await check('index, in progress')
        await page.getByRole('button', { name: 'Reset the course', exact: true }).click()
        await page.getByRole('dialog').waitFor()
        await check('index, reset dialog open')
        assert.deepEqual(found, [])
        assertClean(watch)
      })
    })
  }

  it('lets a learner take a section with the keyboard alone', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      const target = quizSection()
      await advanceTo(page, built.served, built.site, target)
      await keyboardSection(page, target)
      const position = built.site.pages.indexOf(target)
      await landOn(page, built.served, built.site.pages[position + 1] ?? built.site.index)
      assertClean(watch)
    })
  })

  /** Answer every statement, score and go on, using Tab, arrows, Space and Enter only. */
  async function keyboardSection(page: Page, target: SitePage): Promise<void> {
    const bank = target.quiz?.bank ?? []
    const asked = Math.min(target.quiz?.n ?? 0, bank.length)
    // Start from the top of the page, as a keyboard user arriving would.
    await page.evaluate('document.activeElement && document.activeElement.blur()')
    let focus = await tabTo(page, 'the first statement', (f) => f.type === 'radio')
    for (let answered = 0; answered < asked; answered++) {
      const statement = bank.find((s) => s.text === focus.group)
      assert.ok(statement, `the focused group ${JSON.stringify(focus.group)} is a statement of the bank`)
      // A radio group is one tab stop; an arrow key moves to the other answer and selects it.
      if (focus.label === statement.right) await page.keyboard.press('Space')
      else await page.keyboard.press('ArrowDown')
      focus = await focusInfo(page)
      assert.deepEqual([focus.label, focus.checked], [statement.right, true])
      await page.keyboard.press('Tab')
      focus = await focusInfo(page)
    }
    assert.deepEqual([focus.tag, focus.label], ['button', 'Score'], 'Tab leads from the last statement to Score')
    await page.keyboard.press('Enter')
    focus = await focusInfo(page)
    assert.equal(focus.type, 'status', 'the summary has focus')
    assert.match(focus.label, /^All \d+ correct/)
    await tabTo(
      page,
      'the way on',
      (f) => f.tag === 'a' && /^(Next section|Begin the chapter|Back to the course index)$/.test(f.label),
    )
    await page.keyboard.press('Enter')
  }

  it('reaches every statement of a first visit in order with Tab, after the page’s own links', async () => {
    await withBrowser(built.served, async ({ page }) => {
      const target = quizSection()
      await advanceTo(page, built.served, built.site, target)
      await page.evaluate('document.activeElement && document.activeElement.blur()')
      const groups: string[] = []
      let focus = await tabTo(page, 'the first statement', (f) => f.type === 'radio')
      while (focus.type === 'radio') {
        groups.push(focus.group)
        await page.keyboard.press('Tab')
        focus = await focusInfo(page)
      }
      assert.equal(
        groups.length,
        Math.min(target.quiz?.n ?? 0, target.quiz?.bank.length ?? 0),
        'one tab stop per statement',
      )
      assert.deepEqual([focus.tag, focus.label], ['button', 'Score'])
      await passAndGoOn(page, built.served, built.site)
    })
  })
})
