/**
 * The completion record: offered on the index and the last page once every
 * section is done, with the learner's name kept in their browser, a Download
 * that saves a file, one printed sheet in A4 and in Letter, and no axe
 * violation. The reference course's record is checked in test/corpus/.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, it } from 'node:test'
import {
  assertClean,
  axeViolations,
  cannotRun,
  finishCourse,
  pdfPages,
  printedText,
  SAMPLE,
  type SitePage,
  storageKeys,
  useServedSite,
  visit,
  withBrowser,
} from './helpers.ts'

describe('the completion record', { skip: cannotRun() ?? false }, () => {
  const built = useServedSite(SAMPLE, '/course/')
  const sections = () => built.site.pages.filter((p) => p.kind === 'section')

  it('is not offered before the course is complete, and says so if opened', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      await visit(page, built.served, built.site.index.path)
      assert.equal(await page.getByRole('link', { name: 'Your completion record' }).count(), 0)
      await visit(page, built.served, '/course/completion-record/')
      await page.getByText(/ready once you have completed every section: you have completed 0 of 7/).waitFor()
      assertClean(watch)
    })
  })

  it('is offered on the index and the last page, keeps the name in the browser, downloads and prints on one sheet', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      await finishCourse(page, built.served, built.site)
      const last = built.site.pages[built.site.pages.length - 1] as SitePage
      await visit(page, built.served, last.path)
      assert.equal(await page.getByRole('link', { name: 'Your completion record' }).count(), 1, 'on the last page')
      await visit(page, built.served, built.site.index.path)
      await page.getByRole('link', { name: 'Your completion record' }).click()
      await page.waitForURL(built.served.url('/course/completion-record/'))

      const name = page.getByRole('textbox', { name: /name/ })
      await name.fill('Ada Lovelace')
      await page.reload()
      assert.equal(await name.inputValue(), 'Ada Lovelace', 'the name is kept in this browser')
      assert.deepEqual(await axeViolations(page), [])

      const rows = page.getByRole('table', { name: 'Sections passed' }).getByRole('row')
      assert.equal(await rows.count(), sections().length + 1, 'a row per section, and the header')
      const firstSection = sections()[0] as SitePage
      const row = page.getByRole('row', { name: new RegExp(`^${firstSection.title} `) })
      // The day as the page's language writes it (Intl): English here.
      assert.match((await row.textContent()) ?? '', /May 1, 2025\d/, 'the date it was passed, then its attempts')
      const printed = await printedText(page)
      for (const text of [
        'Ada Lovelace',
        'Listening Basics',
        'Self-attested: made by the learner’s browser, not verified by the course provider.',
      ])
        assert.ok(printed.includes(text), `printed: ${text}`)
      assert.match(printed, /Course version [0-9a-f]{10}/)
      assert.ok(!printed.includes('Download'), 'the buttons do not print')

      for (const format of ['A4', 'Letter'])
        assert.equal(pdfPages(await page.pdf({ format })), 1, `one ${format} sheet`)

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download' }).click(),
      ])
      assert.equal(download.suggestedFilename(), 'completion-record.html')
      const file = await readFile((await download.path()) as string, 'utf8')
      for (const text of ['Ada Lovelace', 'Listening Basics', 'Self-attested', firstSection.title])
        assert.ok(file.includes(text), `the file holds ${text}`)
      assert.doesNotMatch(file, /<script/i, 'the file is the record, not a page to run')
      assertClean(watch)
    })
  })

  it('keeps the name out of the progress, which moves between devices', async () => {
    await withBrowser(built.served, async ({ page }) => {
      await finishCourse(page, built.served, built.site)
      await visit(page, built.served, '/course/completion-record/')
      await page.getByRole('textbox', { name: /name/ }).fill('Grace Hopper')
      const key = (await storageKeys(page)).find((k) => k.endsWith(':v2'))
      const progress = (await page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`)) as string
      assert.match(progress, /"done":\[/)
      assert.ok(!progress.includes('Grace'), 'the progress holds no name')
    })
  })
})
