/**
 * The sample course, built by the real CLI, taken in Chromium the way a
 * learner would: by role and accessible name, with the right answers read
 * from the bank in the built pages.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import {
  advanceTo,
  allRight,
  answerQuiz,
  assertClean,
  buildSiteWithApi,
  cannotRun,
  currentId,
  firstWrong,
  focused,
  landOn,
  onwardLink,
  openBrowser,
  pageWhere,
  passAndGoOn,
  quizRegion,
  removeSite,
  SAMPLE,
  serve,
  shownFromBank,
  shownStatements,
  type SitePage,
  statementGroup,
  storageKeys,
  visit,
  useServedSite,
  withBrowser,
} from './helpers.ts'

const asked = (p: SitePage) => Math.min(p.quiz?.n ?? 0, p.quiz?.bank.length ?? 0)

describe('the sample course in a browser', { skip: cannotRun() ?? false }, () => {
  const built = useServedSite(SAMPLE)

  const first = () => built.site.pages[0] as SitePage
  const quizSection = () => pageWhere(built.site, 'a section with a quiz', (p) => p.kind === 'section' && asked(p) >= 2)

  it('takes a learner through every page, answering from the bank, to a completed index', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      await visit(page, built.served, built.site.index.path)
      await page.getByRole('button', { name: 'Begin the course', exact: true }).click()
      await landOn(page, built.served, first())
      const last = built.site.pages[built.site.pages.length - 1] as SitePage
      while ((await currentId(page)) !== last.id) await passAndGoOn(page, built.served, built.site)
      if (last.quiz) await answerQuiz(page, last)
      assert.equal(await page.getByText('You have completed the course.').count(), 1)
      await page.getByRole('link', { name: 'Back to the course index', exact: true }).click()
      await landOn(page, built.served, built.site.index)

      assert.match((await page.locator('[data-cm-status]').textContent()) ?? '', /completed the course/)
      assert.equal(await page.getByRole('button', { name: 'Begin the course' }).count(), 0)
      assert.equal(await page.getByRole('button', { name: 'Continue the course' }).count(), 0)
      assert.equal(await page.getByRole('button', { name: 'Reset the course' }).count(), 1)
      const main = page.getByRole('main')
      for (const p of built.site.pages) {
        assert.ok(
          (await main.getByRole('link', { name: p.title, exact: true }).count()) >= 1,
          `the index links to ${p.title}`,
        )
      }
      assertClean(watch)
    })
  })

  it('says how many statements are left when Score is pressed too early, and only then scores', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      const target = quizSection()
      await advanceTo(page, built.served, built.site, target)
      const score = page.getByRole('button', { name: 'Score', exact: true })
      assert.equal(await score.getAttribute('aria-disabled'), 'true')
      await score.press('Enter')
      const status = page.getByRole('status')
      assert.equal(await status.textContent(), `${asked(target)} statements are not answered yet.`)
      assert.equal(
        await statementGroup(page, (await shownFromBank(page, target))[0]!)
          .getByText(/^(Right|Wrong)\./)
          .count(),
        0,
        'nothing is marked',
      )

      const shown = await shownFromBank(page, target)
      for (const s of shown.slice(0, -1))
        await statementGroup(page, s).getByRole('radio', { name: s.right, exact: true }).check()
      assert.equal(await status.textContent(), '1 statement is not answered yet.')
      assert.equal(await score.getAttribute('aria-disabled'), 'true')
      const lastOne = shown[shown.length - 1]!
      await statementGroup(page, lastOne).getByRole('radio', { name: lastOne.right, exact: true }).check()
      assert.equal(await score.getAttribute('aria-disabled'), 'false')
      assert.equal(await status.textContent(), '')
      await score.click()
      assert.match((await status.textContent()) ?? '', new RegExp(`^All ${asked(target)} correct`))
      assertClean(watch)
    })
  })

  it('marks a failed attempt in words, and Review this section starts a new draw at the top', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      const target = quizSection()
      const k = asked(target)
      await advanceTo(page, built.served, built.site, target)
      const firstDraw = await answerQuiz(page, target, firstWrong)

      const status = page.getByRole('status')
      assert.match((await status.textContent()) ?? '', new RegExp(`^${k - 1} of ${k} correct`))
      assert.equal(await focused(page), 'status', 'the summary takes focus')
      const wrongGroup = statementGroup(page, firstDraw[0]!)
      const wrongText = (await wrongGroup.textContent()) ?? ''
      assert.match(wrongText, /Wrong\./)
      assert.ok(wrongText.includes(`The right answer is ${firstDraw[0]!.right}.`), wrongText)
      assert.ok(wrongText.includes(firstDraw[0]!.explanation), 'the explanation is shown')
      for (const s of firstDraw.slice(1)) {
        const text = (await statementGroup(page, s).textContent()) ?? ''
        assert.match(text, /Right\./)
        assert.doesNotMatch(text, /Wrong/)
        assert.ok(text.includes(s.explanation), 'a right answer shows its explanation too')
      }
      for (const radio of await quizRegion(page).getByRole('radio').all())
        assert.equal(await radio.isDisabled(), true, 'answers are locked')
      assert.equal(await page.getByRole('button', { name: 'Score' }).count(), 0)
      assert.equal(await page.getByRole('link', { name: 'Next section' }).count(), 0, 'no way on after failing')

      await page.getByRole('button', { name: 'Review this section', exact: true }).click()
      assert.equal(await focused(page), '#cm-main', 'the learner is taken to the top of the section')
      assert.equal(await page.evaluate('window.scrollY'), 0)
      const secondDraw = await shownStatements(page)
      assert.notDeepEqual(
        secondDraw,
        firstDraw.map((s) => s.text),
        'a retry draws again',
      )
      if ((target.quiz?.bank.length ?? 0) >= 2 * k) {
        assert.deepEqual(
          secondDraw.filter((t) => firstDraw.some((s) => s.text === t)),
          [],
          'the retry shows statements not just seen',
        )
      }
      assert.equal(await quizRegion(page).getByRole('radio', { checked: true }).count(), 0)
      await answerQuiz(page, target, allRight)
      assert.match((await status.textContent()) ?? '', /^All \d+ correct/)
      assert.equal(
        await page.getByRole('link', { name: /^(Next section|Begin the chapter|Back to the course index)$/ }).count(),
        1,
      )
      assertClean(watch)
    })
  })

  it('keeps the draw on a reload and draws anew after a failed attempt', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      const target = pageWhere(
        built.site,
        'a quiz whose bank is bigger than its n',
        (p) => asked(p) > 0 && (p.quiz?.bank.length ?? 0) > asked(p),
      )
      await advanceTo(page, built.served, built.site, target)
      const drawn = await shownStatements(page)
      await page.reload({ waitUntil: 'domcontentloaded' })
      assert.deepEqual(await shownStatements(page), drawn)
      await answerQuiz(page, target, firstWrong)
      await page.reload({ waitUntil: 'domcontentloaded' })
      const redrawn = await shownStatements(page)
      assert.notDeepEqual(
        new Set(redrawn),
        new Set(drawn),
        'a new attempt shows at least one statement not shown before',
      )
      await page.reload({ waitUntil: 'domcontentloaded' })
      assert.deepEqual(await shownStatements(page), redrawn)
      assertClean(watch)
    })
  })

  it('sends a learner from a locked page to the page they may open, without showing it', async () => {
    // Record, on every page, whether the body was displayed when its content was parsed:
    // a gate that waited for the body would let this see the locked page.
    const spy = `document.addEventListener('DOMContentLoaded', () => {
      const shown = JSON.parse(sessionStorage.getItem('cm-test-shown') || '{}')
      shown[document.documentElement.getAttribute('data-cm-page')] = getComputedStyle(document.body).display + ' ' + getComputedStyle(document.body).visibility
      sessionStorage.setItem('cm-test-shown', JSON.stringify(shown))
    })`
    await withBrowser(
      built.served,
      async ({ page, watch }) => {
        const lockedChapter = pageWhere(built.site, 'a second chapter', (p) => p.kind === 'chapter' && p !== first())
        let fetched = 0
        page.on('response', (r) => {
          if (r.url() === built.served.url(lockedChapter.path) && r.status() === 200) fetched++
        })
        await page.goto(built.served.url(lockedChapter.path), { waitUntil: 'commit' }).catch(() => {})
        await landOn(page, built.served, first())
        assert.equal(fetched, 1, 'the browser did load the locked page')
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), first().title)
        const shown = JSON.parse(
          ((await page.evaluate("sessionStorage.getItem('cm-test-shown')")) as string | null) ?? '{}',
        ) as Record<string, string>
        const seen = shown[lockedChapter.id]
        assert.ok(
          seen === undefined || seen.startsWith('none') || seen.endsWith('hidden'),
          `the locked page was displayed: ${seen}`,
        )

        // Opening a locked chapter did not count it as done: it is still locked,
        // and the way back leads to the furthest page open.
        await visit(page, built.served, built.site.index.path)
        assert.equal(
          await page.getByRole('main').getByRole('link', { name: lockedChapter.title, exact: true }).count(),
          0,
        )
        const second = built.site.pages[1] as SitePage
        await page.goto(built.served.url(lockedChapter.path), { waitUntil: 'commit' }).catch(() => {})
        // The first page counts as done once opened, unless it has a quiz to pass.
        await landOn(page, built.served, first().quiz ? first() : second)
        if (first().quiz) await passAndGoOn(page, built.served, built.site)

        // On the second page: it is the furthest open, or the third if it has no quiz.
        const furthest = (second.quiz ? second : built.site.pages[2]) as SitePage
        const last = built.site.pages[built.site.pages.length - 1] as SitePage
        assert.notEqual(last, furthest)
        await page.goto(built.served.url(last.path), { waitUntil: 'commit' }).catch(() => {})
        await landOn(page, built.served, furthest)
        assertClean(watch)
      },
      { initScript: spy },
    )
  })

  it('opens a completed section for review: no quiz, a note, and the way on', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      const target = quizSection()
      await advanceTo(page, built.served, built.site, target)
      await passAndGoOn(page, built.served, built.site)
      await visit(page, built.served, target.path)
      assert.equal(await currentId(page), target.id)
      assert.equal(await quizRegion(page).count(), 0, 'the quiz is hidden')
      assert.equal(await page.getByRole('group').count(), 0)
      assert.equal(await page.getByRole('button', { name: 'Score' }).count(), 0)
      assert.equal(await page.getByText('You have passed the quiz on this page').count(), 1)
      const position = built.site.pages.indexOf(target)
      assert.equal(await onwardLink(page, target, built.site.pages[position + 1]).count(), 1)
      assertClean(watch)
    })
  })

  it('offers Begin, then Continue and Reset, on the index, and Reset really resets', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      const second = built.site.pages[1] as SitePage
      const main = page.getByRole('main')
      const button = (name: string) => page.getByRole('button', { name, exact: true })
      await visit(page, built.served, built.site.index.path)
      assert.equal(await button('Begin the course').isVisible(), true)
      assert.equal(await button('Continue the course').count(), 0)
      assert.equal(await button('Reset the course').count(), 0)
      assert.equal(
        await main.getByRole('link', { name: first().title, exact: true }).count(),
        1,
        'the first page is open',
      )
      assert.equal(await main.getByRole('link', { name: second.title, exact: true }).count(), 0, 'the second is not')

      await button('Begin the course').click()
      await landOn(page, built.served, first())
      await passAndGoOn(page, built.served, built.site)
      await visit(page, built.served, built.site.index.path)
      assert.equal(await button('Begin the course').count(), 0)
      assert.equal(await button('Continue the course').isVisible(), true)
      assert.equal(await button('Reset the course').isVisible(), true)
      assert.equal(await main.getByRole('link', { name: second.title, exact: true }).count(), 1)
      await button('Continue the course').click()
      await landOn(page, built.served, second)

      await visit(page, built.served, built.site.index.path)
      await button('Reset the course').click()
      const dialog = page.getByRole('dialog', { name: 'Reset the course?' })
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
      assert.equal(await dialog.count(), 0)
      assert.equal(await button('Continue the course').isVisible(), true, 'cancelling keeps progress')

      await button('Reset the course').click()
      await dialog.getByRole('button', { name: 'Reset progress', exact: true }).click()
      // The dialog reports its answer in its close event, after the click.
      await button('Begin the course').waitFor({ state: 'visible' })
      assert.equal(await button('Continue the course').count(), 0)
      assert.equal(await button('Reset the course').count(), 0)
      assert.equal(await focused(page), 'button')
      assert.equal(await main.getByRole('link', { name: second.title, exact: true }).count(), 0)
      await page.goto(built.served.url(second.path), { waitUntil: 'commit' }).catch(() => {})
      await landOn(page, built.served, first())
      assertClean(watch)
    })
  })

  it('does not show a page from history that a reset has locked again', async () => {
    await withBrowser(
      built.served,
      async ({ page, watch }) => {
        const third = built.site.pages[2] as SitePage
        await advanceTo(page, built.served, built.site, third)
        await visit(page, built.served, built.site.index.path)
        await page.getByRole('button', { name: 'Reset the course', exact: true }).click()
        await page.getByRole('dialog').getByRole('button', { name: 'Reset progress', exact: true }).click()
        await page.getByRole('button', { name: 'Begin the course', exact: true }).waitFor({ state: 'visible' })
        // Back may restore the page from the back/forward cache, where no script runs again.
        await page.goBack({ waitUntil: 'commit' }).catch(() => {})
        await landOn(page, built.served, first())
        assertClean(watch)
      },
      { backForwardCache: true },
    )
  })

  it('keeps progress when the browser is closed and opened again on the same profile', async () => {
    const browser = await openBrowser(built.served)
    try {
      await advanceTo(browser.page, built.served, built.site, built.site.pages[2] as SitePage)
      assertClean(browser.watch)
    } finally {
      await browser.close()
    }
    const again = await openBrowser(built.served, { profile: browser.profile })
    try {
      await visit(again.page, built.served, built.site.index.path)
      assert.equal(await again.page.getByRole('button', { name: 'Continue the course', exact: true }).isVisible(), true)
      await visit(again.page, built.served, (built.site.pages[2] as SitePage).path)
      assert.equal(await currentId(again.page), (built.site.pages[2] as SitePage).id)
      assertClean(again.watch)
    } finally {
      await again.dispose()
    }
  })

  it('renders non-ASCII statements and explanations as written', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 on purpose
      const nonAscii = (text: string) => /[^\u0000-\u007f]/.test(text)
      const target = pageWhere(
        built.site,
        'a bank with non-ASCII statements',
        (p) => asked(p) > 0 && (p.quiz?.bank.some((s) => nonAscii(s.text)) ?? false),
      )
      const wanted = new Set(target.quiz?.bank.filter((s) => nonAscii(s.text)).map((s) => s.text))
      await advanceTo(page, built.served, built.site, target)
      // Fail on purpose until every non-ASCII statement has been shown (a retry prefers unseen ones).
      for (let attempt = 0; wanted.size > 0; attempt++) {
        assert.ok(
          attempt <= (target.quiz?.bank.length ?? 0),
          'every statement is shown within as many attempts as the bank has',
        )
        const shown = await answerQuiz(page, target, (s) => nonAscii(s.text))
        for (const s of shown.filter((x) => nonAscii(x.text))) {
          wanted.delete(s.text)
          const text = (await statementGroup(page, s).textContent()) ?? ''
          assert.ok(
            text.includes(s.explanation),
            `explanation ${JSON.stringify(s.explanation)} in ${JSON.stringify(text)}`,
          )
        }
        const review = page.getByRole('button', { name: 'Review this section', exact: true })
        if (wanted.size > 0) await review.click()
      }
      assertClean(watch)
    })
  })

  it('marks the chapter’s dots: current, done, locked, each in its accessible name', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      const chapterStart = built.site.pages.findIndex(
        (p, i) => p.kind === 'section' && built.site.pages[i + 1]?.kind === 'section',
      )
      assert.ok(chapterStart >= 0, 'the course has a chapter with two sections')
      const [one, two] = [built.site.pages[chapterStart], built.site.pages[chapterStart + 1]] as [SitePage, SitePage]
      const dots = page.getByRole('navigation', { name: /^Progress/ })
      await advanceTo(page, built.served, built.site, one)
      assert.equal(
        await dots.getByRole('link', { name: `${one.title}, current`, exact: true }).getAttribute('aria-current'),
        'page',
      )
      const locked = dots.getByRole('link', { name: `${two.title}, locked`, exact: true })
      assert.equal(await locked.getAttribute('href'), null, 'a locked dot is not a link to follow')
      await passAndGoOn(page, built.served, built.site)
      assert.notEqual(
        await dots.getByRole('link', { name: `${one.title}, done`, exact: true }).getAttribute('href'),
        null,
      )
      assert.equal(await dots.getByRole('link', { name: `${two.title}, current`, exact: true }).count(), 1)
      assertClean(watch)
    })
  })

  it('lets a learner finish a section when storage throws, and says progress will not be kept', async () => {
    const blockStorage = `for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
      Storage.prototype[name] = function () { throw new DOMException('The operation is insecure.', 'SecurityError') }
    }`
    await withBrowser(
      built.served,
      async ({ page, watch }) => {
        const target = quizSection()
        await visit(page, built.served, target.path)
        assert.equal(await currentId(page), target.id, 'the page opens: nothing can be checked, so nothing is locked')
        // The banner's words come with the extras, loaded when a banner is to show.
        await page.getByText(/will not be kept/).waitFor()
        assert.equal(await page.getByText(/will not be kept/).count(), 1)
        await answerQuiz(page, target)
        assert.match((await page.getByRole('status').textContent()) ?? '', /^All \d+ correct/)
        const position = built.site.pages.indexOf(target)
        await onwardLink(page, target, built.site.pages[position + 1]).click()
        await landOn(page, built.served, built.site.pages[position + 1] ?? built.site.index)
        assertClean(watch)
      },
      { initScript: blockStorage },
    )
  })

  it('starts afresh when stored progress is unreadable, says so, and keeps progress again', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      await passFirst(page)
      const [key] = await storageKeys(page)
      assert.match(key ?? '', /^coursemark:.+:v2$/)
      await page.evaluate(`localStorage.setItem(${JSON.stringify(key)}, '{"v":2,"done":')`)
      await visit(page, built.served, first().path)
      // The banner's words come with the extras, loaded when a banner is to show.
      await page.getByText(/could not be read/).waitFor()
      assert.equal(await page.getByText(/could not be read/).count(), 1)
      await passAndGoOn(page, built.served, built.site)
      await visit(page, built.served, (built.site.pages[1] as SitePage).path)
      assert.equal(await currentId(page), (built.site.pages[1] as SitePage).id, 'progress is kept again')
      assert.equal(await page.getByText(/could not be read/).count(), 0)
      assertClean(watch)
    })
  })

  it('shows every page open, with a banner, in an open-all build', async () => {
    const open = await buildSiteWithApi(SAMPLE, { openAll: true })
    const openServed = await serve(open)
    try {
      await withBrowser(openServed, async ({ page, watch }) => {
        const last = open.pages[open.pages.length - 1] as SitePage
        await visit(page, openServed, last.path)
        assert.equal(await currentId(page), last.id)
        // The banner's words come with the extras, loaded when a banner is to show.
        await page.getByText(/every page is open/i).waitFor()
        assert.equal(await page.getByText(/every page is open/i).count(), 1)
        const target = open.pages.find((p) => asked(p) > 0) as SitePage
        await visit(page, openServed, target.path)
        assert.equal(
          await page.getByRole('button', { name: 'Score', exact: true }).count(),
          1,
          'quizzes can still be taken',
        )
        const position = open.pages.indexOf(target)
        assert.equal(
          await onwardLink(page, target, open.pages[position + 1]).count(),
          1,
          'the way on is open before passing',
        )
        assertClean(watch)
      })
    } finally {
      await openServed.close()
      await removeSite(open)
    }
  })

  it('keeps every page readable without JavaScript, with a notice that quizzes need it', async () => {
    await withBrowser(
      built.served,
      async ({ page }) => {
        const target = quizSection()
        await visit(page, built.served, target.path)
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), target.title)
        assert.equal(await page.getByText(/quizzes and your progress need it/).isVisible(), true)
        assert.equal(await page.getByText(/This quiz needs JavaScript/).isVisible(), true)
      },
      { javaScript: false },
    )
  })

  /** Open the first page and pass it, landing on the second. */
  async function passFirst(page: Page): Promise<void> {
    await visit(page, built.served, first().path)
    await passAndGoOn(page, built.served, built.site)
  }
})
