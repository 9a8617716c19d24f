/**
 * "Move your progress" between two browsers (two Chromium profiles, as two
 * devices): by link, by typed code, and a code with one character changed,
 * which must be refused and change nothing. The site is served under a
 * non-root base, as most courses are.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import {
  advanceTo,
  answerQuiz,
  assertClean,
  axeViolations,
  type Browser,
  cannotRun,
  landOn,
  openBrowser,
  passAndGoOn,
  SAMPLE,
  type SitePage,
  storageKeys,
  useServedSite,
  visit,
  withBrowser,
} from './helpers.ts'

describe('moving progress to another device', { skip: cannotRun() ?? false }, () => {
  const built = useServedSite(SAMPLE, '/course/')

  const dialog = (page: Page) => page.getByRole('dialog', { name: 'Move your progress' })
  const stored = async (page: Page) => {
    const [key] = await storageKeys(page)
    return (await page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`)) as string
  }

  /** The link and code of the first test's browser (three pages done), for the tests on another device. */
  let shared: { link: string; code: string } | null = null
  const sharedProgress = () => {
    assert.ok(shared, 'the first test read the link and the code')
    return shared
  }

  /** A browser that has passed the first three pages of the course (a chapter, two sections), on the index. */
  async function threeDone(): Promise<Browser> {
    const one = await openBrowser(built.served)
    const third = built.site.pages[2] as SitePage
    await advanceTo(one.page, built.served, built.site, third)
    await answerQuiz(one.page, third)
    await visit(one.page, built.served, built.site.index.path)
    return one
  }

  /** Open the dialog from the index and read this browser's progress link and code. */
  async function linkAndCode(page: Page): Promise<{ link: string; code: string }> {
    await page.getByRole('button', { name: 'Move your progress' }).click()
    const link = await dialog(page).getByRole('textbox', { name: 'Your progress as a link' }).inputValue()
    const code = await dialog(page).getByRole('textbox', { name: 'Your progress as a code' }).inputValue()
    return { link, code }
  }

  /** The learner continues the course and lands on the 4th page. */
  async function continuesAtFourth(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Continue the course' }).click()
    await landOn(page, built.served, built.site.pages[3] as SitePage)
  }

  it('shows progress as a link and a short code, copies both, and closes with Escape', async () => {
    const one = await threeDone()
    try {
      const { page } = one
      await grantClipboard(one.context, built.served.origin)
      const opener = page.getByRole('button', { name: 'Move your progress' })
      const { link, code } = await linkAndCode(page)
      assert.match(link, new RegExp(`^${built.served.origin}/course/#progress=[0-9A-Z-]+$`))
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{1,4}(-[0-9A-HJKMNP-TV-Z]{1,4})*$/)
      assert.ok(code.replace(/-/g, '').length <= 20, `${code} is short enough to type`)
      assert.equal(link.split('#progress=')[1], code)
      assert.equal(await page.evaluate("document.querySelector('dialog').matches(':modal')"), true, 'modal')
      assert.equal(await page.evaluate("document.querySelector('dialog').contains(document.activeElement)"), true)
      assert.deepEqual(await axeViolations(page), [], 'axe with the dialog open')

      await dialog(page).getByRole('button', { name: 'Copy link' }).click()
      await dialog(page).getByRole('status').filter({ hasText: 'Link copied.' }).waitFor()
      assert.equal(await page.evaluate('navigator.clipboard.readText()'), link)
      await dialog(page).getByRole('button', { name: 'Copy code' }).click()
      await dialog(page).getByRole('status').filter({ hasText: 'Code copied.' }).waitFor()
      assert.equal(await page.evaluate('navigator.clipboard.readText()'), code)

      shared = { link, code }
      await page.keyboard.press('Escape')
      await dialog(page).waitFor({ state: 'detached' })
      assert.equal(await page.evaluate('document.activeElement.textContent'), 'Move your progress', 'focus returns')
      assert.equal(await opener.count(), 1)
      assertClean(one.watch)
    } finally {
      await one.dispose()
    }
  })

  it('opening the link on another device adds the progress there, which continues at the 4th page', async () => {
    const { link } = sharedProgress()
    await withBrowser(built.served, async ({ page, watch }) => {
      await page.goto(link, { waitUntil: 'domcontentloaded' })
      await dialog(page).getByRole('button', { name: 'Add this progress' }).click()
      const said = (await dialog(page).getByRole('status').textContent()) ?? ''
      assert.match(said, /^2 sections and 1 chapter added\.$/)
      assert.equal(new URL(page.url()).hash, '', 'the progress is taken off the address')
      await dialog(page).getByRole('button', { name: 'Close' }).click()
      await continuesAtFourth(page)
      assertClean(watch)
    })
  })

  it('typing the code adds the same; a code with one character changed is refused and changes nothing', async () => {
    const { code } = sharedProgress()
    await withBrowser(built.served, async ({ page, watch }) => {
      // Some progress of its own first: it must survive.
      await visit(page, built.served, (built.site.pages[0] as SitePage).path)
      await passAndGoOn(page, built.served, built.site)
      await visit(page, built.served, built.site.index.path)
      const before = await stored(page)
      await page.getByRole('button', { name: 'Move your progress' }).click()
      const box = dialog(page).getByRole('textbox', { name: 'Enter a progress code' })
      const at = code.search(/[0-9A-Z]/) + 2
      const wrong = code.slice(0, at) + (code[at] === 'X' ? 'Y' : 'X') + code.slice(at + 1)
      await box.fill(wrong)
      await dialog(page).getByRole('button', { name: 'Add this progress' }).click()
      assert.match((await dialog(page).getByRole('alert').textContent()) ?? '', /not right/)
      assert.equal(await box.getAttribute('aria-invalid'), 'true')
      assert.equal(await stored(page), before, 'nothing changed')
      assert.deepEqual(await axeViolations(page), [], 'axe with a refused code')

      await box.fill(code.toLowerCase().replace(/-/g, ' '))
      assert.equal(await box.getAttribute('aria-invalid'), null, 'typing again clears the refusal')
      await dialog(page).getByRole('button', { name: 'Add this progress' }).click()
      assert.match((await dialog(page).getByRole('status').textContent()) ?? '', /^2 sections added\.$/)
      await page.keyboard.press('Escape')
      await continuesAtFourth(page)
      assertClean(watch)
    })
  })

  it('refuses a code of another course, naming this one', async () => {
    await withBrowser(built.served, async ({ page }) => {
      await visit(page, built.served, built.site.index.path)
      await page.getByRole('button', { name: 'Move your progress' }).click()
      // A valid code (checksum and all) whose course tag is not this course's: from progress-code.test.ts's rule.
      await dialog(page).getByRole('textbox', { name: 'Enter a progress code' }).fill(otherCourseCode())
      await dialog(page).getByRole('button', { name: 'Add this progress' }).click()
      assert.equal(
        await dialog(page).getByRole('alert').textContent(),
        'This code is for another course, not “Listening Basics”.',
      )
    })
  })

  it('asks the browser to keep its storage once, when the first section is done', async () => {
    const count = `(() => { const ask = navigator.storage.persist.bind(navigator.storage)
      navigator.storage.persist = () => { localStorage.setItem('test:asked', String(Number(localStorage.getItem('test:asked') || 0) + 1)); return ask() } })()`
    await withBrowser(
      built.served,
      async ({ page }) => {
        const asked = async () => Number(await page.evaluate("localStorage.getItem('test:asked') || 0"))
        await visit(page, built.served, (built.site.pages[0] as SitePage).path)
        assert.equal(await asked(), 0, 'a chapter page opened is not yet a section done')
        await passAndGoOn(page, built.served, built.site)
        await passAndGoOn(page, built.served, built.site)
        assert.equal(await asked(), 1)
        await passAndGoOn(page, built.served, built.site)
        assert.equal(await asked(), 1, 'asked once')
      },
      { initScript: count },
    )
  })
})

/** Let pages of `origin` read and write the clipboard, as a learner's click allows. */
async function grantClipboard(context: BrowserContext, origin: string): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
}

/**
 * A well-formed code with nothing done for a course whose tag is "00" (the
 * sample course's tag is not), checksummed as progress-code.ts does.
 */
function otherCourseCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  const payload = '3000'
  let sum = 0
  for (const [i, ch] of [...payload].entries()) sum = (sum + (i + 1) * alphabet.indexOf(ch)) % 1021
  return payload + alphabet[sum >> 5] + alphabet[sum & 31]
}
