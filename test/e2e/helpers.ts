/**
 * Shared by the browser tests: build a course with the real CLI, read what
 * the built pages say (order, quizzes, right answers decoded from the bank),
 * serve the site on 127.0.0.1, run Debian's Chromium with a fresh profile,
 * and take a learner through pages by role and accessible name only.
 *
 * The tests need `npm run build` first (dist/); `npm test` does that.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { after, before } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { DomUtils, parseDocument } from 'htmlparser2'
import { type BrowserContext, chromium, type FrameLocator, type Locator, type Page } from 'playwright-core'
import sirv from 'sirv'

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The sample course every browser test takes. */
export const SAMPLE = join(ROOT, 'example')
/** The reference course, present beside the repository on the project's machines only. */
export const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'listen')
export const CHROMIUM = '/usr/bin/chromium'

/** Why the browser tests cannot run here, or null when they can. */
export function cannotRun(course: string = SAMPLE): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install chromium)`
  if (!existsSync(join(ROOT, 'dist', 'coursemark.cjs')) || !existsSync(join(ROOT, 'dist', 'runtime.js')))
    return 'dist/ is missing: run npm run build'
  if (!existsSync(join(course, 'index.md'))) return `${course} has no index.md`
  return null
}

// ---------------------------------------------------------------------------
// Building and reading a site
// ---------------------------------------------------------------------------

/** A statement of a quiz bank, as text, with its right answer's label. */
export interface SiteStatement {
  /** The text content of the statement's HTML, whitespace collapsed. */
  text: string
  /** The statement as a screen reader names its group: like `text`, with images by their text alternative. */
  name: string
  /** Label of the right answer. */
  right: string
  /** Label of the wrong answer. */
  wrong: string
  /** The explanation as text (may be empty). */
  explanation: string
}

/** A page of the built site, as its HTML describes it. */
export interface SitePage {
  id: string
  kind: 'index' | 'chapter' | 'section'
  /** Path of the page, base included. */
  path: string
  /** The page's `<h1>` text. */
  title: string
  /** The quiz, or null for a page without one. */
  quiz: { n: number; options: [string, string]; bank: SiteStatement[] } | null
}

/** A built site: where it is and its pages in course order. */
export interface Site {
  dir: string
  base: string
  index: SitePage
  /** Chapters and sections in the order of the index's `data-cm-link` elements. */
  pages: SitePage[]
}

const run = promisify(execFile)

/** Build `courseDir` with `node bin/coursemark.js build … --base base` into a new temporary folder. */
export async function buildSite(courseDir: string, base = '/'): Promise<Site> {
  const parent = await mkdtemp(join(tmpdir(), 'cm-e2e-site-'))
  const out = join(parent, 'site')
  await run(process.execPath, [join(ROOT, 'bin', 'coursemark.js'), 'build', courseDir, '--out', out, '--base', base], {
    cwd: ROOT,
  })
  return readSite(out, base)
}

/** Build with the Node API, for options the CLI does not take (open-all). */
export async function buildSiteWithApi(
  courseDir: string,
  options: { base?: string; openAll?: boolean },
): Promise<Site> {
  const parent = await mkdtemp(join(tmpdir(), 'cm-e2e-site-'))
  const out = join(parent, 'site')
  const api = (await import(join(ROOT, 'dist', 'index.js'))) as {
    build: (o: { courseDir: string; outDir: string; base?: string; openAll?: boolean }) => Promise<{ ok: boolean }>
  }
  const result = await api.build({ courseDir, outDir: out, ...options })
  assert.ok(result.ok, 'the course builds')
  return readSite(out, options.base ?? '/')
}

/** Delete a site `buildSite` made (and the temporary folder around it). */
export async function removeSite(site: Site | undefined): Promise<void> {
  if (site) await rm(dirname(site.dir), { recursive: true, force: true })
}

/** Collapse whitespace as accessible names do. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The text of an HTML fragment, entities decoded. */
export function htmlText(html: string): string {
  return squash(DomUtils.textContent(parseDocument(html)))
}

/**
 * The accessible name an HTML fragment gives the element holding it, as far
 * as statements need: text, with an image (`<img alt>`, `role="img"` with
 * `aria-label`, such as the build's heart) standing for its text alternative.
 */
export function htmlName(html: string): string {
  type ChildNode = ReturnType<typeof parseDocument>['children'][number]
  const walk = (nodes: ChildNode[]): string =>
    nodes
      .map((node) => {
        if (node.type === 'text') return (node as unknown as { data: string }).data
        if (!('attribs' in node)) return ''
        const attribs = node.attribs as Record<string, string>
        if (attribs['aria-label'] !== undefined && (attribs.role === 'img' || node.name === 'svg'))
          return ` ${attribs['aria-label']} `
        if (node.name === 'img') return ` ${attribs.alt ?? ''} `
        return walk(node.children as ChildNode[])
      })
      .join('')
  return squash(walk(parseDocument(html).children as ChildNode[]))
}

/** Decode an answer key the way the build encodes it (base64 of UTF-8 JSON). */
export function decodeKeyInTest(key: string): { a: 0 | 1; x: string } {
  return JSON.parse(Buffer.from(key, 'base64').toString('utf8')) as { a: 0 | 1; x: string }
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true })
  return entries.filter((e) => e.endsWith('index.html')).map((e) => join(dir, e))
}

/** Read every page of a built site from disk. */
export async function readSite(dir: string, base: string): Promise<Site> {
  const byId = new Map<string, SitePage>()
  let order: string[] = []
  for (const file of await htmlFiles(dir)) {
    const doc = parseDocument(await readFile(file, 'utf8'))
    const html = DomUtils.findOne((e) => e.name === 'html', doc.children)
    if (!html) continue
    const id = html.attribs['data-cm-page'] ?? ''
    const kind = html.attribs['data-cm-kind'] as SitePage['kind']
    const rel = relative(dir, file).split(sep).slice(0, -1).join('/')
    const h1 = DomUtils.findOne((e) => e.name === 'h1', doc.children)
    const section = DomUtils.findOne((e) => e.name === 'section' && 'data-cm-quiz' in e.attribs, doc.children)
    let quiz: SitePage['quiz'] = null
    if (section) {
      const data = JSON.parse(section.attribs['data-cm-quiz'] ?? '') as { n: number; keys: string[] }
      // The statements are in the page, as the bank's radio groups: the legend of `<li id="cm-b<position>">`,
      // and the answers as the labels of its two radios.
      const groups = data.keys.map((_, b) => {
        const li = DomUtils.findOne((e) => e.attribs.id === `cm-b${b}`, [section])
        const legend = li && DomUtils.findOne((e) => e.name === 'legend', li.children)
        const labels = li ? DomUtils.findAll((e) => e.name === 'label', li.children) : []
        return {
          html: legend ? DomUtils.getInnerHTML(legend) : '',
          labels: labels.map((l) => DomUtils.textContent(l).trim()),
        }
      })
      const options = (groups[0]?.labels ?? []) as [string, string]
      quiz = {
        n: data.n,
        options,
        bank: data.keys.map((k, b) => {
          const key = decodeKeyInTest(k)
          const html = groups[b]?.html ?? ''
          return {
            text: htmlText(html),
            name: htmlName(html),
            right: options[key.a],
            wrong: options[1 - key.a] as string,
            explanation: htmlText(key.x),
          }
        }),
      }
    }
    byId.set(id, {
      id,
      kind,
      path: base + (rel ? `${rel}/` : ''),
      title: h1 ? squash(DomUtils.textContent(h1)) : '',
      quiz,
    })
    if (kind === 'index') {
      order = DomUtils.findAll((e) => 'data-cm-link' in e.attribs, doc.children).map(
        (e) => e.attribs['data-cm-link'] ?? '',
      )
    }
  }
  const index = [...byId.values()].find((p) => p.kind === 'index')
  assert.ok(index, 'the site has an index page')
  const pages = order.map((id) => {
    const page = byId.get(id)
    assert.ok(page, `the index links to ${id}, which was built`)
    return page
  })
  return { dir, base, index, pages }
}

// ---------------------------------------------------------------------------
// Serving and browsing
// ---------------------------------------------------------------------------

/** A site served on 127.0.0.1. */
export interface Served {
  origin: string
  /** Absolute URL of a site path. */
  url: (path: string) => string
  close: () => Promise<void>
}

/** Serve a built site under its base path with sirv; anything outside the base is a 404. */
export async function serve(site: Site): Promise<Served> {
  const files = sirv(site.dir, { dev: true })
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    if (!url.startsWith(site.base)) {
      res.statusCode = 404
      res.end('Not found')
      return
    }
    req.url = `/${url.slice(site.base.length)}`
    files(req, res, () => {
      res.statusCode = 404
      res.end('Not found')
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: (path) => origin + path,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** A built site served on 127.0.0.1, ready for the tests of one describe(). */
export interface ServedSite {
  /** The site, as its pages describe it. */
  readonly site: Site
  /** Where it is served. */
  readonly served: Served
}

/**
 * Builds `courseDir` with the CLI (under `base`) and serves it before the
 * tests of the enclosing describe(); stops serving and deletes it after them.
 * Every browser test gets its site this way.
 */
export function useServedSite(courseDir: string = SAMPLE, base = '/'): ServedSite {
  let site: Site | undefined
  let served: Served | undefined
  before(async () => {
    site = await buildSite(courseDir, base)
    served = await serve(site)
  })
  after(async () => {
    await served?.close()
    await removeSite(site)
  })
  return {
    get site() {
      assert.ok(site, 'the site is built before the tests run')
      return site
    },
    get served() {
      assert.ok(served, 'the site is served before the tests run')
      return served
    },
  }
}

/** What a browser did that a test must check: requests to other origins, console errors, page errors. */
export interface Watch {
  foreign: string[]
  errors: string[]
}

/** A Chromium profile and its open context. */
export interface Browser {
  context: BrowserContext
  page: Page
  /** The profile folder: pass it to `openBrowser` again to reopen the same profile. */
  profile: string
  watch: Watch
  /** Close the browser; the profile stays until `dispose`. */
  close: () => Promise<void>
  /** Close the browser and delete the profile. */
  dispose: () => Promise<void>
}

/** Chromium's flags for every browser test: headless, and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** How to start the browser. */
export interface BrowserOptions {
  /** Reopen this profile folder instead of making a new one. */
  profile?: string
  /** A script to run in every page before its own. */
  initScript?: string
  /** False to browse with JavaScript off. */
  javaScript?: boolean
  /** Keep the back/forward cache on (Playwright turns it off by default), as in a learner's browser. */
  backForwardCache?: boolean
  /** Block service workers, so that every request reaches the network (and `page.route`). */
  noWorker?: boolean
}

/**
 * Launch Chromium on a persistent profile (a new one unless `profile` is
 * given) and watch every request, console message and page error.
 */
export async function openBrowser(served: Served, options: BrowserOptions = {}): Promise<Browser> {
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'cm-e2e-profile-')))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    javaScriptEnabled: options.javaScript ?? true,
    ...(options.noWorker ? { serviceWorkers: 'block' as const } : {}),
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  })
  const watch: Watch = { foreign: [], errors: [] }
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (
      (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') &&
      url.origin !== served.origin
    ) {
      watch.foreign.push(request.url())
    }
  })
  context.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(`${message.location().url}: ${message.text()}`)
  })
  context.on('weberror', (error) => watch.errors.push(`page error: ${error.error().message}`))
  if (options.initScript) await context.addInitScript(options.initScript)
  const page = context.pages()[0] ?? (await context.newPage())
  const close = () => context.close()
  return {
    context,
    page,
    profile,
    watch,
    close,
    dispose: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/** Assert that nothing left the site's origin and nothing logged an error. */
export function assertClean(watch: Watch): void {
  assert.deepEqual(watch.foreign, [], 'requests to other hosts')
  assert.deepEqual(watch.errors, [], 'console and page errors')
}

// ---------------------------------------------------------------------------
// Taking the course by role and accessible name
// ---------------------------------------------------------------------------

/** Where a course page is: a tab, or a frame (an LMS package's launch page shows the pages in one). */
export type Scope = Page | FrameLocator

/** The page id a browser is on, from `<html data-cm-page>`. */
export async function currentId(page: Scope): Promise<string> {
  return (await page.locator('html').getAttribute('data-cm-page')) ?? ''
}

/** Go to a site path and wait for the page to be wired (DOMContentLoaded has run). */
export async function visit(page: Page, served: Served, path: string): Promise<void> {
  await page.goto(served.url(path), { waitUntil: 'domcontentloaded' })
}

/** Wait until the browser shows `target` (after a click or a redirect). */
export async function landOn(page: Page, served: Served, target: SitePage): Promise<void> {
  await page.waitForURL(served.url(target.path), { waitUntil: 'domcontentloaded' })
  assert.equal(await currentId(page), target.id)
}

/**
 * What a learner reads on the controls a walk through the course uses, in
 * the course's language. The tests write each language's words themselves,
 * as a learner reads them, rather than take them from the catalogue.
 */
export interface Words {
  /** The quiz region's name. */
  quiz: string
  score: string
  beginChapter: string
  nextSection: string
  backToIndex: string
  /** The start of the summary of an all-correct attempt. */
  passed: RegExp
}

export const ENGLISH: Words = {
  quiz: 'Quiz',
  score: 'Score',
  beginChapter: 'Begin the chapter',
  nextSection: 'Next section',
  backToIndex: 'Back to the course index',
  passed: /^All \d+ correct/,
}

/** The quiz region (the `<section>` labelled "Quiz", or its name in the course's language). */
export const quizRegion = (page: Scope, words: Words = ENGLISH): Locator =>
  page.getByRole('region', { name: words.quiz, exact: true })

/** The statements shown now, in order, as their groups are named (once the quiz shows any: the runtime may draw it after DOMContentLoaded). */
export async function shownStatements(page: Scope, words: Words = ENGLISH): Promise<string[]> {
  await quizRegion(page, words).getByRole('group').first().waitFor()
  const legends = await quizRegion(page, words).getByRole('group').locator('legend').allTextContents()
  return legends.map(squash)
}

/** The group of a statement, found by its whole accessible name. */
export const statementGroup = (page: Scope, statement: SiteStatement, words: Words = ENGLISH): Locator =>
  quizRegion(page, words).getByRole('group', { name: statement.name, exact: true })

/** The bank statements on show, found by group name; asserts every group is one of the bank's. */
export async function shownFromBank(page: Scope, sitePage: SitePage, words: Words = ENGLISH): Promise<SiteStatement[]> {
  assert.ok(sitePage.quiz, `${sitePage.id} has a quiz`)
  const shown = await shownStatements(page, words)
  return shown.map((text) => {
    const statement = sitePage.quiz?.bank.find((s) => s.text === text)
    assert.ok(statement, `shown statement ${JSON.stringify(text)} is in the bank of ${sitePage.id}`)
    return statement
  })
}

/** Which shown statements to answer wrongly (by position shown); the rest are answered right. */
export type WrongWhen = (statement: SiteStatement, position: number) => boolean

/** Answer right every shown statement. */
export const allRight: WrongWhen = () => false
/** Answer the first shown statement wrongly and the rest right. */
export const firstWrong: WrongWhen = (_s, i) => i === 0

/**
 * Answer every statement shown, reading the right answer from the bank
 * (wrongly where `wrong` says so), and press Score. Returns the statements
 * in the order shown.
 */
export async function answerQuiz(
  page: Scope,
  sitePage: SitePage,
  wrong: WrongWhen = allRight,
  words: Words = ENGLISH,
): Promise<SiteStatement[]> {
  const shown = await shownFromBank(page, sitePage, words)
  assert.equal(shown.length, Math.min(sitePage.quiz?.n ?? 0, sitePage.quiz?.bank.length ?? 0), 'n statements are shown')
  for (const [i, statement] of shown.entries()) {
    await statementGroup(page, statement, words)
      .getByRole('radio', { name: wrong(statement, i) ? statement.wrong : statement.right, exact: true })
      .check()
  }
  await page.getByRole('button', { name: words.score, exact: true }).click()
  return shown
}

/** The link on from `from` to the next page, by its name. */
export function onwardLink(page: Scope, from: SitePage, next: SitePage | undefined, words: Words = ENGLISH): Locator {
  if (!next) return page.getByRole('link', { name: words.backToIndex })
  const name = from.kind === 'chapter' && next.kind === 'section' ? words.beginChapter : words.nextSection
  return page.getByRole('link', { name, exact: true })
}

/** Pass the page the browser is on (answering its quiz right, if any) and follow the link to the next. */
export async function passAndGoOn(
  page: Page,
  served: Served,
  site: Site,
  words: Words = ENGLISH,
): Promise<SitePage | undefined> {
  const id = await currentId(page)
  const position = site.pages.findIndex((p) => p.id === id)
  const here = site.pages[position]
  assert.ok(here, `${id} is a course page`)
  if (here.quiz) {
    await answerQuiz(page, here, allRight, words)
    assert.match((await page.getByRole('status').textContent()) ?? '', words.passed)
  }
  const next = site.pages[position + 1]
  await onwardLink(page, here, next, words).click()
  await landOn(page, served, next ?? site.index)
  return next
}

/** From a fresh start, pass every page before `target` and arrive on it. */
export async function advanceTo(page: Page, served: Served, site: Site, target: SitePage): Promise<void> {
  const first = site.pages[0]
  assert.ok(first)
  await visit(page, served, first.path)
  await landOn(page, served, first)
  while ((await currentId(page)) !== target.id) {
    const next = await passAndGoOn(page, served, site)
    assert.ok(next, `reached the end before ${target.id}`)
  }
}

/** The first page matching `test`, failing the test if the course has none. */
export function pageWhere(site: Site, what: string, test: (p: SitePage) => boolean): SitePage {
  const found = site.pages.find(test)
  assert.ok(found, `the course has ${what}`)
  return found
}

/** Run `body` in a fresh browser and always close it, deleting its profile. */
export async function withBrowser(
  served: Served,
  body: (browser: Browser) => Promise<void>,
  options: Omit<BrowserOptions, 'profile'> = {},
): Promise<void> {
  const browser = await openBrowser(served, options)
  try {
    await body(browser)
  } finally {
    await browser.dispose()
  }
}

/** A short description of the focused element: its role attribute or id or tag. */
export async function focused(page: Page): Promise<string> {
  return (await page.evaluate(
    "(() => { const e = document.activeElement; return e ? (e.getAttribute('role') || (e.id ? '#' + e.id : e.tagName.toLowerCase())) : '' })()",
  )) as string
}

/** The key the runtime stores progress under on this site, found in the browser's storage. */
export async function storageKeys(page: Page): Promise<string[]> {
  return (await page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('coursemark:'))")) as string[]
}

// ---------------------------------------------------------------------------
// The completion record
// ---------------------------------------------------------------------------

/** Give the browser on `site` progress with every page done (dated, with attempts), as a finished learner has. */
export async function finishCourse(page: Page, served: Served, site: Site): Promise<void> {
  await visit(page, served, site.index.path)
  const key = (await storageKeys(page)).find((k) => k.endsWith(':v2'))
  assert.ok(key, 'the index stored progress')
  const passed = Object.fromEntries(
    site.pages.map((p, i) => [
      p.id,
      {
        at: new Date(Date.UTC(2025, 4, 1 + Math.floor(i / 10), 9, i)).toISOString(),
        attempts: p.quiz ? 1 + (i % 3) : 0,
        from: 'here',
      },
    ]),
  )
  const state = { v: 2, seed: 'feedc0de12345678', done: site.pages.map((p) => p.id), attempts: {}, passed }
  await page.evaluate(`localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify(state))})`)
}

/** Pages in a PDF made by Chromium (each page object is `/Type /Page`). */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length
}

/** The record page's text as printed: what print media shows, whitespace collapsed. */
export async function printedText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' })
  // biome-ignore lint/performance/useDomNodeTextContent: innerText leaves out what print hides, which is the point.
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ')
  await page.emulateMedia({ media: 'screen' })
  return text
}

// ---------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------

let axeSource: string | null = null

/**
 * Run axe-core on the page as it is now and return its violations, one line
 * each. The script is evaluated through the DevTools protocol, which the
 * page's Content-Security-Policy does not govern, so the page stays as shipped.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
  if (!(await page.evaluate("typeof window.axe === 'object'"))) await page.evaluate(axeSource)
  return (await page.evaluate(`axe.run(document).then((r) => r.violations.flatMap((v) =>
    v.nodes.map((n) => v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\s+/g, ' '))))`)) as string[]
}

/** Where the keyboard focus is: the element's role or tag, its label, and the statement group it is in. */
export interface FocusInfo {
  tag: string
  type: string
  /** The text of the element, or of its label for a form control. */
  label: string
  /** The legend of the fieldset it is in, whitespace collapsed. */
  group: string
  checked: boolean
}

export async function focusInfo(page: Page): Promise<FocusInfo> {
  return (await page.evaluate(`(() => {
    const e = document.activeElement
    const squash = (t) => (t || '').replace(/\\s+/g, ' ').trim()
    if (!e) return { tag: '', type: '', label: '', group: '', checked: false }
    const fieldset = e.closest('fieldset')
    const legend = fieldset && fieldset.querySelector('legend')
    const label = e.labels && e.labels.length ? e.labels[0].textContent : e.textContent
    return { tag: e.tagName.toLowerCase(), type: e.getAttribute('type') || e.getAttribute('role') || '', label: squash(label),
      group: squash(legend && legend.textContent), checked: !!e.checked }
  })()`)) as FocusInfo
}

/** Press Tab until `wanted` holds for the focused element; fails after `limit` presses. */
export async function tabTo(
  page: Page,
  what: string,
  wanted: (f: FocusInfo) => boolean,
  limit = 200,
): Promise<FocusInfo> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const info = await focusInfo(page)
    if (wanted(info)) return info
  }
  assert.fail(`Tab never reached ${what}`)
}
