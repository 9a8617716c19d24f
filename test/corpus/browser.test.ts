/**
 * The reference course, built unmodified under `--base /listen/`, taken to
 * the end in Chromium with the right answers read from its banks. Runs only
 * where `../shared/corpus/listen` exists (the project's machines).
 */
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import {
  advanceTo,
  answerQuiz,
  assertClean,
  axeViolations,
  buildSite,
  cannotRun,
  CORPUS,
  currentId,
  firstWrong,
  landOn,
  pageWhere,
  removeSite,
  passAndGoOn,
  type Served,
  serve,
  shownStatements,
  type Site,
  type SitePage,
  visit,
  withBrowser,
} from '../e2e/helpers.ts'

const skip = existsSync(CORPUS) ? cannotRun(CORPUS) : `${CORPUS} is not here`

describe('the reference course in a browser', { skip: skip ?? false }, () => {
  let site: Site
  let served: Served
  before(async () => {
    site = await buildSite(CORPUS, '/listen/')
    served = await serve(site)
  })
  after(async () => {
    await served?.close()
    await removeSite(site)
  })

  // The reference index keeps its own button labels ("Begin the Course"); names match case aside.
  const indexButton = (page: import('playwright-core').Page, name: string) =>
    page.getByRole('button', { name: new RegExp(`^${name}$`, 'i') })

  it('has the pages the corpus is known for', () => {
    assert.equal(site.pages.length, 58)
    assert.equal(site.pages.filter((p) => p.quiz).length, 51)
  })

  it('takes a learner from Begin the Course through all 58 pages to a completed index', async () => {
    await withBrowser(served, async ({ page, watch }) => {
      await visit(page, served, site.index.path)
      assert.equal(await indexButton(page, 'Continue the course').count(), 0)
      assert.equal(await indexButton(page, 'Reset the course').count(), 0)
      await indexButton(page, 'Begin the course').click()
      const firstPage = site.pages[0] as SitePage
      await landOn(page, served, firstPage)
      const last = site.pages[site.pages.length - 1] as SitePage
      while ((await currentId(page)) !== last.id) await passAndGoOn(page, served, site)
      if (last.quiz) await answerQuiz(page, last)
      await page.getByRole('link', { name: 'Back to the course index', exact: true }).click()
      await landOn(page, served, site.index)
      assert.match((await page.locator('[data-cm-status]').textContent()) ?? '', /completed the course/)
      assert.equal(await indexButton(page, 'Begin the course').count(), 0)
      assert.equal(await indexButton(page, 'Continue the course').count(), 0)
      assert.equal(await indexButton(page, 'Reset the course').count(), 1)
      // The index's headings come from its Liquid loop (typographic quotes and all), so they are found by page id.
      for (const p of site.pages) {
        const link = page.locator(`[data-cm-link="${p.id}"]`).getByRole('link')
        assert.equal(await link.getAttribute('href'), p.path, `${p.id} is linked`)
      }
      assertClean(watch)
    })
  })

  it('gates under the base path, fails and retries a quiz with a new draw, and resets from the index', async () => {
    await withBrowser(served, async ({ page, watch }) => {
      const target = pageWhere(
        site,
        'a section with a quiz',
        (p) => p.kind === 'section' && (p.quiz?.bank.length ?? 0) > (p.quiz?.n ?? 0),
      )
      const last = site.pages[site.pages.length - 1] as SitePage
      await page.goto(served.url(last.path), { waitUntil: 'commit' }).catch(() => {})
      await landOn(page, served, site.pages[0] as SitePage)

      await advanceTo(page, served, site, target)
      const before = await shownStatements(page)
      await page.reload({ waitUntil: 'domcontentloaded' })
      assert.deepEqual(await shownStatements(page), before, 'a reload keeps the draw')
      await answerQuiz(page, target, firstWrong)
      await page.getByRole('button', { name: 'Review this section', exact: true }).click()
      assert.notDeepEqual(new Set(await shownStatements(page)), new Set(before), 'a retry draws again')
      await passAndGoOn(page, served, site)

      await visit(page, served, site.index.path)
      await indexButton(page, 'Continue the course').click()
      await landOn(page, served, site.pages[site.pages.indexOf(target) + 1] as SitePage)
      await visit(page, served, site.index.path)
      await indexButton(page, 'Reset the course').click()
      await page.getByRole('dialog').getByRole('button', { name: 'Reset progress', exact: true }).click()
      await indexButton(page, 'Begin the course').waitFor({ state: 'visible' })
      await page.goto(served.url(target.path), { waitUntil: 'commit' }).catch(() => {})
      await landOn(page, served, site.pages[0] as SitePage)
      assertClean(watch)
    })
  })

  // The index's own <style> greys its headings (#aaa); coursemark's stylesheet keeps them readable.
  it('has no axe violations on the index, a chapter page and a quiz section', async () => {
    await withBrowser(served, async ({ page }) => {
      await visit(page, served, site.index.path)
      const found = (await axeViolations(page)).map((v) => `index: ${v}`)
      await visit(page, served, (site.pages[0] as SitePage).path)
      found.push(...(await axeViolations(page)).map((v) => `chapter: ${v}`))
      const target = pageWhere(site, 'a Yes/No quiz', (p) => p.kind === 'section' && p.quiz?.options[0] === 'Yes')
      await advanceTo(page, served, site, target)
      found.push(...(await axeViolations(page)).map((v) => `unanswered: ${v}`))
      await answerQuiz(page, target, firstWrong)
      found.push(...(await axeViolations(page)).map((v) => `scored: ${v}`))
      await visit(page, served, site.index.path)
      found.push(...(await axeViolations(page)).map((v) => `index in progress: ${v}`))
      assert.deepEqual(found, [])
    })
  })
})
