/**
 * Runtime speed: how long a learner waits, on a slow device, from
 * navigating to a section until they can choose a quiz answer.
 *
 * Debian's Chromium, headless, with a fresh profile and the CPU slowed 4×
 * (CDP `Emulation.setCPUThrottlingRate`). Each run opens a new browser
 * context, so nothing is cached. The learner's progress is seeded in
 * localStorage, on a blank page of the same origin, so that the section is
 * the next one to do and shows its quiz.
 *
 * The times are taken in the page, from navigation start
 * (`performance.timeOrigin`): when the first radio is in the document,
 * enabled and laid out; and when, after that, a frame has been drawn and the
 * main thread is free to take a click. The second is what the budget is
 * about.
 */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { compileCourse } from '../src/index.ts'
import { median } from './measure.ts'
import { BARE_RADIO_PATH, BLANK_PATH, serveSite } from './serve-site.ts'
import { formatMs, judge, type Row } from './table.ts'

export const CHROMIUM = '/usr/bin/chromium'
export const RUNTIME_BUDGET_MS = 100
const CPU_SLOWDOWN = 4

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** In-page times of one visit, in ms from navigation start. */
export interface VisitTimes {
  /** The first radio is in the document, enabled and laid out. */
  radio: number
  /** A frame has been drawn since, and a task after it ran: the page takes a click. */
  ready: number
}

/** The figures of the runtime row. */
export interface RuntimeTiming {
  /** The section visited. */
  pageId: string
  /** Medians for the section. */
  section: VisitTimes
  /** Medians for a bare page with one radio, timed in the same rounds: the machine's floor. */
  bare: VisitTimes
  runs: number
}

/**
 * Installed before any of the page's own code (Playwright's init scripts are
 * not subject to the page's Content-Security-Policy). It watches the document
 * for the first usable radio and leaves the times (`VisitTimes`) in
 * `window.__cmBench`. A string, not a function: tsx would wrap a function's
 * source in helpers that do not exist in the page.
 */
const WATCH_FOR_RADIO = `(() => {
  const usable = () => {
    const radio = document.querySelector('input[type="radio"]')
    return radio !== null && !radio.disabled && radio.getClientRects().length > 0
  }
  const observer = new MutationObserver(() => {
    if (!usable()) return
    observer.disconnect()
    const radio = performance.now()
    requestAnimationFrame(() => {
      // rAF runs just before the frame is drawn; a task posted from it runs after.
      const channel = new MessageChannel()
      channel.port1.onmessage = () => { window.__cmBench = { radio, ready: performance.now() } }
      channel.port2.postMessage(null)
    })
  })
  observer.observe(document, { childList: true, subtree: true, attributes: true })
})()`

/**
 * Time `runs` visits (after one warm-up visit) to section `pageId` of the
 * site built from `courseDir` into `siteDir` under `base`.
 */
export async function timeRuntime(
  courseDir: string,
  siteDir: string,
  base: string,
  pageId: string,
  runs: number,
): Promise<RuntimeTiming> {
  const compiled = await compileCourse({ courseDir, base })
  const course = compiled.course
  if (!course) throw new Error(`${courseDir} does not build`)
  const position = course.sequence.findIndex((s) => s.page.id === pageId)
  const target = course.sequence[position]
  if (!target) throw new Error(`no page ${pageId} in ${courseDir}`)
  const progress = JSON.stringify({
    v: 1,
    seed: '0123456789abcdef',
    done: course.sequence.slice(0, position).map((s) => s.page.id),
    attempts: {},
  })
  const key = `coursemark:${course.id}:v1`

  const server = await serveSite(siteDir, base)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  /** One visit in a new context (empty cache), with the learner's progress seeded. */
  const visit = async (url: string): Promise<VisitTimes> => {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await page.goto(server.origin + BLANK_PATH)
      await page.evaluate(`localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(progress)})`)
      await context.addInitScript(WATCH_FOR_RADIO)
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
      await page.goto(url)
      const times = (await (
        await page.waitForFunction('window.__cmBench', null, { timeout: 30_000 })
      ).jsonValue()) as VisitTimes
      if (page.url() !== url)
        throw new Error(`${url} sent the learner to ${page.url()}: the seeded progress did not open it`)
      // Prove the answer can really be chosen (untimed).
      await page.getByRole('radio').first().check()
      return times
    } finally {
      await context.close()
    }
  }
  try {
    const sections: VisitTimes[] = []
    const bares: VisitTimes[] = []
    // Round 0 warms up (browser, server, file cache) and is not counted.
    for (let round = 0; round <= runs; round++) {
      const section = await visit(server.origin + base + target.page.path)
      const bare = await visit(server.origin + BARE_RADIO_PATH)
      if (round > 0) {
        sections.push(section)
        bares.push(bare)
      }
    }
    const medians = (vs: VisitTimes[]): VisitTimes => ({
      radio: median(vs.map((v) => v.radio)),
      ready: median(vs.map((v) => v.ready)),
    })
    return { pageId, section: medians(sections), bare: medians(bares), runs }
  } finally {
    await browser.close()
    await server.close()
  }
}

/** Why the runtime row cannot be measured here, or null. */
export function runtimeUnavailable(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing (npm run setup-browser installs it)`
}

export function runtimeRow(t: RuntimeTiming | null, courseName: string, why: string): Row {
  const name = `Runtime, ${courseName} ${t ? t.pageId : 'section'} (Chromium, CPU 4× slower)`
  if (!t)
    return {
      name,
      coursemark: why,
      others: '—',
      measured: '—',
      budget: `≤ ${RUNTIME_BUDGET_MS} ms`,
      verdict: 'not measured',
    }
  return {
    name,
    coursemark: `radio in page ${formatMs(t.section.radio)} · drawn and free ${formatMs(t.section.ready)} (median of ${t.runs})`,
    others: `bare page with one radio: ${formatMs(t.bare.radio)} · ${formatMs(t.bare.ready)}`,
    measured: `answer can be chosen at ${formatMs(t.section.ready)}`,
    budget: `≤ ${RUNTIME_BUDGET_MS} ms`,
    verdict: judge(t.section.ready, RUNTIME_BUDGET_MS),
  }
}
