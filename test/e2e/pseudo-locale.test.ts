/**
 * Every word coursemark shows a learner comes from the message catalogue.
 * A course in a pseudo-locale (`qps-ploc`, which has no catalogue) gives
 * every message in its index's `ui:`, each wrapped as ⟦…⟧, made here from
 * en.json; its own text is all in «…». Then no page as built, and no state
 * of the runtime a learner can reach (quiz scored, index with progress,
 * dialogs open, the completion record, the notice of blocked storage), may
 * show a letter outside the two: any would be an English literal left in
 * the layout or the runtime.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { parseDocument } from 'htmlparser2'
import type { Page } from 'playwright-core'
import { item, writeCourse } from '../helpers/course.ts'
import { siteTree } from '../helpers/site-tree.ts'
import {
  answerQuiz,
  assertClean,
  cannotRun,
  finishCourse,
  firstWrong,
  landOn,
  onwardLink,
  ROOT,
  type SitePage,
  useServedSite,
  visit,
  type Words,
  withBrowser,
} from './helpers.ts'

const english = JSON.parse(readFileSync(join(ROOT, 'src', 'messages', 'en.json'), 'utf8')) as Record<string, string>
const wrap = (key: string) => `⟦${english[key]}⟧`
/** YAML double-quoted scalars are JSON strings. */
const ui = Object.keys(english)
  .map((key) => `  ${key}: ${JSON.stringify(wrap(key))}`)
  .join('\n')

const front = (fields: string) => `---\n${fields}\n---\n`
const COURSE = writeCourse({
  'index.md': `${front(`title: «Pseudo course <3»\nclass: index\ncourse_id: pseudo\nlang: qps-ploc\nui:\n${ui}`)}«Welcome.»\n`,
  'ch1.md': `${front('title: «Chapter one»\nclass: chapter\nserial: 1')}«About the chapter.»\n`,
  's1.md': `${front('title: «Section one»\nclass: section\nserial: 2')}«Text.»\n\n«Mark each statement:»\n{: data-n="2"}\n\n${[
    item('«Water is wet.»', 'Y', '«It is.»'),
    item('«Fire is cold.»', 'N', '«It is hot.»'),
    item('«Snow is white.»', 'Y', '«Mostly.»'),
    item('«Grass is blue.»', 'N', '«It is green.»'),
  ]
    .map((i) => `- ${i}`)
    .join('\n')}\n`,
  's2.md': `${front('title: «Section two»\nclass: section\nserial: 3')}«The end.»\n`,
})

const PSEUDO: Words = {
  quiz: wrap('quiz.title'),
  score: wrap('quiz.score'),
  beginChapter: wrap('page.beginChapter'),
  nextSection: wrap('page.nextSection'),
  backToIndex: wrap('page.backToIndex'),
  passed: /^⟦All \d+ correct/,
}

/** What is left of `text` without the author's «…» and the messages' ⟦…⟧ (innermost first: messages nest). */
function outside(text: string): string {
  let rest = text.replace(/«[^«»]*»/g, '')
  for (let before = ''; before !== rest; ) {
    before = rest
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, '')
  }
  return rest
}

/** The words outside both wrappers, if any, in `texts` (what one page or state shows). */
function stray(texts: string[], data: string[] = []): string[] {
  return texts
    .map((t) => data.reduce((left, d) => left.split(d).join(''), t))
    .map((t) => outside(t).replace(/\s+/g, ' ').trim())
    .filter((t) => /\p{L}/u.test(t))
}

/**
 * Every text a built page holds (scripts and styles aside), as one string
 * (a title's «…» may be split by the heart in it), and the attributes read
 * out or shown.
 */
function builtTexts(html: string): string[] {
  const doc = parseDocument(html)
  let text = ''
  const attributes: string[] = []
  const walk = (nodes: ReturnType<typeof parseDocument>['children']) => {
    for (const node of nodes) {
      if (node.type === 'text') text += (node as unknown as { data: string }).data
      if (!('attribs' in node) || node.name === 'script' || node.name === 'style') continue
      for (const name of ['aria-label', 'title', 'alt', 'placeholder'])
        if (node.attribs[name]) attributes.push(node.attribs[name])
      walk(node.children as typeof nodes)
    }
  }
  walk(doc.children)
  return [text, ...attributes]
}

/** What the page shows now: its text, its title, and the names and hints given in attributes. */
async function shown(page: Page): Promise<string[]> {
  return (await page.evaluate(`[document.title, document.body.innerText,
    ...Array.from(document.querySelectorAll('[aria-label], [title], [alt], [placeholder]'), (e) =>
      ['aria-label', 'title', 'alt', 'placeholder'].map((a) => e.getAttribute(a) || '').join(' '))]`)) as string[]
}

describe('a course in a pseudo-locale', { skip: cannotRun(COURSE) ?? false }, () => {
  const built = useServedSite(COURSE)

  it('builds pages whose every word is a message or the author’s', () => {
    const pages = [...siteTree(built.site.dir).keys()].filter((f) => f.endsWith('.html'))
    assert.equal(pages.length, 5, 'the index, three pages and the completion record')
    for (const file of pages) {
      const html = readFileSync(join(built.site.dir, file), 'utf8')
      assert.ok(html.includes('⟦'), `${file} shows messages`)
      assert.deepEqual(stray(builtTexts(html)), [], file)
    }
  })

  it('shows nothing but messages and the author’s words in every state a learner reaches', async () => {
    await withBrowser(built.served, async ({ page, watch }) => {
      const found: string[] = []
      const check = async (state: string, data: string[] = []) => {
        for (const text of stray(await shown(page), data)) found.push(`${state}: ${JSON.stringify(text)}`)
      }
      const [chapter, section, last] = built.site.pages as [SitePage, SitePage, SitePage]
      await visit(page, built.served, built.site.index.path)
      await check('index, no progress')
      await page.getByRole('button', { name: wrap('index.begin') }).click()
      await landOn(page, built.served, chapter)
      await check('chapter')
      await onwardLink(page, chapter, section, PSEUDO).click()
      await landOn(page, built.served, section)
      await page.getByRole('button', { name: PSEUDO.score }).press('Enter')
      await check('section, Score pressed too early')
      await answerQuiz(page, section, firstWrong, PSEUDO)
      await check('section, failed')
      await page.getByRole('button', { name: wrap('quiz.retry') }).click()
      await answerQuiz(page, section, undefined, PSEUDO)
      await check('section, passed')
      await visit(page, built.served, section.path)
      await check('section, in review')
      await visit(page, built.served, last.path)
      await check('last page, course complete')
      await visit(page, built.served, built.site.index.path)
      await check('index, course complete')

      await page.getByRole('button', { name: wrap('index.move') }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByRole('button', { name: wrap('move.copyCode') }).click()
      await dialog.getByRole('textbox', { name: wrap('move.enterLabel') }).fill('!!')
      await dialog.getByRole('button', { name: wrap('move.add') }).click()
      await check('index, progress dialog with a refused code')
      await dialog.getByRole('button', { name: wrap('move.close') }).click()
      await page.getByRole('button', { name: wrap('index.reset') }).click()
      await page.getByRole('dialog').waitFor()
      await check('index, reset dialog')
      await page.getByRole('button', { name: wrap('reset.cancel') }).click()

      await finishCourse(page, built.served, built.site)
      await visit(page, built.served, `${built.site.base}completion-record/`)
      await page.getByRole('table').waitFor()
      await page.getByRole('textbox').fill('«Ada»')
      // Data, not words: the build's version (a hash) and dates as Intl writes them (this tag has no locale of its own).
      const data = (await page.evaluate(`[document.getElementById('cm-record').getAttribute('data-cm-version'),
        ...Object.values(JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':v2')))).passed)
          .map((p) => new Date(p.at).toLocaleDateString(document.documentElement.lang, { year: 'numeric', month: 'short', day: 'numeric' }))]`)) as string[]
      await check('completion record', data)
      assert.deepEqual(found, [])
      assertClean(watch)
    })
  })

  it('says where progress is not kept in a message too', async () => {
    const blocked = `for (const name of ['localStorage', 'sessionStorage'])
      Object.defineProperty(window, name, { get() { throw new DOMException('blocked', 'SecurityError') } })`
    await withBrowser(
      built.served,
      async ({ page }) => {
        const section = built.site.pages[1] as SitePage
        await visit(page, built.served, section.path)
        await page.locator('.cm-banner').waitFor()
        const texts = await shown(page)
        assert.ok(
          texts.some((t) => t.includes(wrap('notice.storageBlocked'))),
          'the banner is up',
        )
        assert.deepEqual(stray(texts), [])
      },
      { initScript: blocked },
    )
  })
})
