/**
 * Issue 13: the quiz drawn before the runtime arrives. Each page's inline
 * head gate shows it at once when it is surely open and hides it otherwise;
 * the inline draw script after a quiz shows the learner's statements; the
 * deferred runtime adopts them. Checked in Chromium with the runtime held
 * back or missing, so that what the inline scripts do alone is seen.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { drawStatements } from '../../src/runtime/seeded-draw.ts'
import {
  answerQuiz,
  assertClean,
  cannotRun,
  currentId,
  ENGLISH,
  finishCourse,
  landOn,
  pageWhere,
  passAndGoOn,
  type Served,
  type Site,
  type SitePage,
  shownFromBank,
  shownStatements,
  statementGroup,
  storageKeys,
  useServedSite,
  visit,
  withBrowser,
} from './helpers.ts'

/** Collects every Content-Security-Policy violation of every page in `localStorage` (init scripts are not subject to the policy). */
const WATCH_POLICY = `addEventListener('securitypolicyviolation', (e) => {
  const seen = JSON.parse(localStorage.getItem('test:csp') || '[]')
  seen.push(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI)
  localStorage.setItem('test:csp', JSON.stringify(seen))
})`

/**
 * Logs, in `localStorage`, the path of every page that has an animation frame
 * in which its main content has a box before the runtime has decided: a page
 * the learner could see before the gate is sure of it (and, in
 * `test:frames:<path>`, each page that had a frame at all before then).
 */
const WATCH_FRAMES = `(() => {
  const frame = () => {
    const main = document.getElementById('cm-main')
    const undecided = !(window.__cmFirst && window.__cmFirst.ran)
    if (main && undecided) localStorage.setItem('test:frames:' + location.pathname, 'yes')
    if (main && main.getClientRects().length > 0 && undecided) {
      const seen = JSON.parse(localStorage.getItem('test:painted') || '[]')
      if (!seen.includes(location.pathname)) localStorage.setItem('test:painted', JSON.stringify(seen.concat(location.pathname)))
    }
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
})()`

const SEED = '0123456789abcdef'

/** Progress in which every page before `target` is done. */
function progressBefore(site: Site, target: SitePage): string {
  const done = site.pages.slice(0, site.pages.indexOf(target)).map((p) => p.id)
  return JSON.stringify({ v: 2, seed: SEED, done, attempts: {}, passed: {} })
}

/** Seed `progress` for the course on the served origin, from its index (never gated). */
async function seed(page: Page, served: Served, site: Site, progress: string): Promise<void> {
  await page.goto(served.url(site.index.path), { waitUntil: 'load' })
  const key = (await storageKeys(page)).find((k) => k.endsWith(':v2'))
  assert.ok(key, 'the index stored progress')
  await page.evaluate(`localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(progress)})`)
}

/**
 * Hold the runtime script back until the returned `release` is called, or
 * fail it (`missing`): what the inline scripts do alone shows meanwhile.
 */
async function holdRuntime(page: Page, missing = false): Promise<() => void> {
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(/\/assets\/coursemark\.[0-9a-f]{10}\.js$/, async (route) => {
    if (missing) return route.fulfill({ status: 404, body: 'not found' })
    await released
    await route.continue()
  })
  return release
}

/**
 * Open `path` without waiting for DOMContentLoaded, which waits for the
 * deferred runtime, until `selector` is in the page.
 */
async function openUntil(page: Page, served: Served, path: string, selector: string): Promise<void> {
  await page.goto(served.url(path), { waitUntil: 'commit' })
  await page.locator(selector).first().waitFor({ state: 'attached' })
}

/** Wait, polling from outside (an in-page predicate would break the page's policy), until the runtime has decided. */
async function untilRan(page: Page): Promise<void> {
  while (!(await page.evaluate('window.__cmFirst.ran === true'))) await page.waitForTimeout(50)
}

/** The statements the runtime's own draw gives attempt `attempt` of `target`, as text, in order. */
function expectedDraw(target: SitePage, attempt: number): string[] {
  const quiz = target.quiz
  assert.ok(quiz)
  return drawStatements(SEED, target.id, attempt, quiz.bank.length, quiz.n).map((i) => quiz.bank[i]?.text ?? '')
}

describe('the quiz before the runtime arrives (#13)', { skip: cannotRun() ?? false }, () => {
  const built = useServedSite()

  /** A section with a quiz whose previous page is a section too (opened by the gate at once). */
  const section = () => {
    const site = built.site
    const target = pageWhere(site, 'a section with a quiz after a section', (p) => {
      const before = site.pages[site.pages.indexOf(p) - 1]
      return p.kind === 'section' && p.quiz !== null && before?.kind === 'section'
    })
    return target
  }

  /** With `target` the next page to do, open it with the runtime held back until the returned function is called. */
  const openNextHeld = async (page: Page, target: SitePage): Promise<() => void> => {
    await seed(page, built.served, built.site, progressBefore(built.site, target))
    const release = await holdRuntime(page)
    await openUntil(page, built.served, target.path, '#cm-next')
    return release
  }

  it('breaks no Content-Security-Policy rule on any page, through the whole course', async () => {
    await withBrowser(
      built.served,
      async ({ page, watch }) => {
        await finishCourse(page, built.served, built.site)
        await visit(page, built.served, built.site.index.path)
        assert.equal(await page.evaluate("localStorage.getItem('test:csp')"), null)
        assertClean(watch)
      },
      { initScript: WATCH_POLICY },
    )
  })

  it('draws the same statements inline as the runtime does, on a first attempt and on a retry', async () => {
    const target = section()
    await withBrowser(
      built.served,
      async ({ page, watch }) => {
        // The runtime held back: what shows is the inline draw's alone.
        let release = await openNextHeld(page, target)
        assert.deepEqual(await shownStatements(page), expectedDraw(target, 0))
        assert.equal(await page.evaluate('window.__cmFirst.ran === true'), false, 'the runtime has not run yet')
        // The runtime arrives and adopts them: the same statements, and it wires Score.
        release()
        await untilRan(page)
        assert.deepEqual(await shownStatements(page), expectedDraw(target, 0))
        await answerQuiz(page, target, (_s, i) => i === 0)
        await page.getByRole('button', { name: 'Review this section' }).click()
        assert.deepEqual(await shownStatements(page), expectedDraw(target, 1), 'the runtime’s retry')
        // A reload after failing: the inline draw shows the second attempt too.
        await page.unrouteAll()
        release = await holdRuntime(page)
        await page.reload({ waitUntil: 'commit' })
        await page.locator('#cm-next').waitFor({ state: 'attached' })
        assert.deepEqual(await shownStatements(page), expectedDraw(target, 1), 'the inline draw of the retry')
        assert.equal(await page.evaluate('window.__cmFirst.ran === true'), false, 'the runtime has not run yet')
        release()
        await untilRan(page)
        assertClean(watch)
      },
      { noWorker: true },
    )
  })

  it('scores answers given and Score pressed before the runtime has wired the quiz', async () => {
    const target = section()
    await withBrowser(
      built.served,
      async ({ page }) => {
        const release = await openNextHeld(page, target)
        const shown = await shownFromBank(page, target)
        assert.equal(shown.length, target.quiz?.n)
        for (const statement of shown)
          await statementGroup(page, statement).getByRole('radio', { name: statement.right, exact: true }).check()
        // Score still says it cannot score yet (`aria-disabled`), which Playwright will not click through; a learner can.
        await page.getByRole('button', { name: ENGLISH.score, exact: true }).click({ force: true })
        assert.equal(await page.evaluate('window.__cmFirst.ran === true'), false, 'answered before the runtime ran')
        release()
        await untilRan(page)
        await page.getByRole('status').filter({ hasText: ENGLISH.passed }).waitFor()
      },
      { noWorker: true },
    )
  })

  it('never paints a locked page: hidden until the runtime sends the learner to the page to do', async () => {
    const target = section()
    const first = built.site.pages[0]
    assert.ok(first)
    await withBrowser(
      built.served,
      async ({ page }) => {
        const release = await holdRuntime(page)
        await openUntil(page, built.served, target.path, '#cm-next')
        assert.equal(await page.evaluate('document.documentElement.hidden'), true, 'the gate hid it')
        await page.waitForTimeout(500)
        release()
        await landOn(page, built.served, first)
        const painted = JSON.parse((await page.evaluate("localStorage.getItem('test:painted')")) ?? '[]') as string[]
        assert.ok(!painted.includes(target.path), `no frame showed ${target.path}: ${painted}`)
        const frames = await page.evaluate(`localStorage.getItem(${JSON.stringify(`test:frames:${target.path}`)})`)
        assert.equal(frames, 'yes', 'the locked page had frames meanwhile, none showing it')
      },
      { initScript: WATCH_FRAMES, noWorker: true },
    )
  })

  it('shows a page as without JavaScript when the runtime never comes, rather than a blank one', async () => {
    const target = section()
    await withBrowser(
      built.served,
      async ({ page }) => {
        await holdRuntime(page, true)
        await page.goto(built.served.url(target.path), { waitUntil: 'load' })
        assert.equal(await page.evaluate('document.documentElement.hidden'), false)
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), target.title)
        assert.ok(await page.getByText('needs JavaScript').isVisible(), 'the quiz says it cannot run')
        assert.equal(await page.getByRole('radio').count(), 0, 'and shows no radio that could not be scored')
      },
      { noWorker: true },
    )
  })

  it('opens the next page at once from the page before it, and keeps gating through the runtime', async () => {
    const target = section()
    await withBrowser(built.served, async ({ page }) => {
      await seed(page, built.served, built.site, progressBefore(built.site, target))
      await visit(page, built.served, target.path)
      assert.equal(await page.evaluate('document.documentElement.hidden'), false)
      const next = await passAndGoOn(page, built.served, built.site)
      assert.ok(next)
      assert.equal(await currentId(page), next.id)
    })
  })
})
