/**
 * The reference course, built unmodified under `--base /listen/`, taken to
 * the end in Chromium with the right answers read from its banks. Runs only
 * where `../shared/corpus/listen` exists (the project's machines).
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { describe, it } from 'node:test'
import {
  advanceTo,
  answerQuiz,
  assertClean,
  axeViolations,
  cannotRun,
  CORPUS,
  currentId,
  finishCourse,
  pdfPages,
  printedText,
  firstWrong,
  landOn,
  pageWhere,
  passAndGoOn,
  shownStatements,
  type SitePage,
  visit,
  useServedSite,
  withBrowser,
} from '../e2e/helpers.ts'

const skip = existsSync(CORPUS) ? cannotRun(CORPUS) : `${CORPUS} is not here`

describe('the reference course in a browser', { skip: skip ?? false }, () => {
  const built = useServedSite(CORPUS, '/listen/')

  // The reference index keeps its own button labels ("Begin the Course"); names match case aside.
  const indexButton = (page: import('playwright-core').Page, name: string) =>
    page.getByRole('button', { name: new RegExp(`^${name}$`, 'i') })

  it('has the pages the corpus is known for', () => {
    assert.equal(built.site.pages.length, 58)
    assert.equal(built.site.pages.filter((p) => p.quiz).length, 51)
  })

  it('takes a learner from Begin the Course through all 58 pages to a completed index', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      await visit(page, built.served, built.site.index.path)
      assert.equal(await indexButton(page, 'Continue the course').count(), 0)
      assert.equal(await indexButton(page, 'Reset the course').count(), 0)
      await indexButton(page, 'Begin the course').click()
      const firstPage = built.site.pages[0] as SitePage
      await landOn(page, built.served, firstPage)
      const last = built.site.pages[built.site.pages.length - 1] as SitePage
      while ((await currentId(page)) !== last.id) await passAndGoOn(page, built.served, built.site)
      if (last.quiz) await answerQuiz(page, last)
      await page.getByRole('link', { name: 'Back to the course index', exact: true }).click()
      await landOn(page, built.served, built.site.index)
      assert.match((await page.locator('[data-cm-status]').textContent()) ?? '', /completed the course/)
      assert.equal(await indexButton(page, 'Begin the course').count(), 0)
      assert.equal(await indexButton(page, 'Continue the course').count(), 0)
      assert.equal(await indexButton(page, 'Reset the course').count(), 1)
      // The index's headings come from its Liquid loop (typographic quotes and all), so they are found by page id.
      for (const p of built.site.pages) {
        const link = page.locator(`[data-cm-link="${p.id}"]`).getByRole('link')
        assert.equal(await link.getAttribute('href'), p.path, `${p.id} is linked`)
      }
      assertClean(watch)
    })
  })

  it('gates under the base path, fails and retries a quiz with a new draw, and resets from the index', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      const target = pageWhere(
        built.site,
        'a section with a quiz',
        (p) => p.kind === 'section' && (p.quiz?.bank.length ?? 0) > (p.quiz?.n ?? 0),
      )
      const last = built.site.pages[built.site.pages.length - 1] as SitePage
      await page.goto(built.served.url(last.path), { waitUntil: 'commit' }).catch(() => {})
      await landOn(page, built.served, built.site.pages[0] as SitePage)

      await advanceTo(page, built.served, built.site, target)
      const before = await shownStatements(page)
      await page.reload({ waitUntil: 'domcontentloaded' })
      assert.deepEqual(await shownStatements(page), before, 'a reload keeps the draw')
      await answerQuiz(page, target, firstWrong)
      await page.getByRole('button', { name: 'Review this section', exact: true }).click()
      assert.notDeepEqual(new Set(await shownStatements(page)), new Set(before), 'a retry draws again')
      await passAndGoOn(page, built.served, built.site)

      await visit(page, built.served, built.site.index.path)
      await indexButton(page, 'Continue the course').click()
      await landOn(page, built.served, built.site.pages[built.site.pages.indexOf(target) + 1] as SitePage)
      await visit(page, built.served, built.site.index.path)
      await indexButton(page, 'Reset the course').click()
      await page.getByRole('dialog').getByRole('button', { name: 'Reset progress', exact: true }).click()
      await indexButton(page, 'Begin the course').waitFor({ state: 'visible' })
      await page.goto(built.served.url(target.path), { waitUntil: 'commit' }).catch(() => {})
      await landOn(page, built.served, built.site.pages[0] as SitePage)
      assertClean(watch)
    })
  })

  // The index's own <style> greys its headings (#aaa); coursemark's stylesheet keeps them readable.
  it('has no axe violations on the index, a chapter page and a quiz section', async () => {
    await withBrowser(built.served, async ({ page }) => {
      await visit(page, built.served, built.site.index.path)
      const found = (await axeViolations(page)).map((v) => `index: ${v}`)
      await visit(page, built.served, (built.site.pages[0] as SitePage).path)
      found.push(...(await axeViolations(page)).map((v) => `chapter: ${v}`))
      const target = pageWhere(built.site, 'a Yes/No quiz', (p) => p.kind === 'section' && p.quiz?.options[0] === 'Yes')
      await advanceTo(page, built.served, built.site, target)
      found.push(...(await axeViolations(page)).map((v) => `unanswered: ${v}`))
      await answerQuiz(page, target, firstWrong)
      found.push(...(await axeViolations(page)).map((v) => `scored: ${v}`))
      await visit(page, built.served, built.site.index.path)
      found.push(...(await axeViolations(page)).map((v) => `index in progress: ${v}`))
      assert.deepEqual(found, [])
    })
  })

  // The corpus has 53 sections (and 5 chapter pages); the record lists the sections.
  it('prints the finished course’s completion record on one A4 or Letter sheet, with the name, the title and every section', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      await finishCourse(page, built.served, built.site)
      await visit(page, built.served, built.site.index.path)
      // Every outline link is open now: each must stay a 24 px target under the index's own heading CSS
      // (it sets a 1.35em line on its h4; axe's spacing rule alone lets 20 px links pass on some fonts).
      assert.deepEqual(await axeViolations(page), [], 'the finished index')
      const heights = await page
        .locator('a.cm-index-link')
        .evaluateAll((links) =>
          links.map((a) =>
            Math.round(
              (a as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height,
            ),
          ),
        )
      assert.equal(heights.length, 58)
      assert.deepEqual(
        heights.filter((h) => h < 24),
        [],
        'outline links at least 24 px tall',
      )
      await page.getByRole('link', { name: 'Your completion record' }).click()
      await page.getByRole('textbox', { name: /name/ }).fill('Ada Lovelace')
      assert.deepEqual(await axeViolations(page), [], 'the record page')
      const sections = built.site.pages.filter((p) => p.kind === 'section')
      assert.equal(sections.length, 53)
      const printed = await printedText(page)
      assert.ok(printed.includes('Ada Lovelace') && printed.includes('Training Index'), printed.slice(0, 300))
      await page.emulateMedia({ media: 'print' })
      const rows = page.getByRole('table', { name: 'Sections passed' }).locator('tbody tr')
      assert.equal(await rows.count(), 53)
      for (const [i, section] of sections.entries())
        assert.equal(await rows.nth(i).locator('th').isVisible(), true, `${section.id} is printed`)
      for (const format of ['A4', 'Letter'])
        assert.equal(pdfPages(await page.pdf({ format })), 1, `one ${format} sheet`)
      assertClean(watch)
    })
  })
})
