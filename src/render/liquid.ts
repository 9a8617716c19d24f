/**
 * Liquid, as Jekyll ran it before kramdown: pages see `site.<collection>` (the
 * course's pages in order, with `title`, `serial`, `class`, `url`) and `page`.
 * liquidjs is loaded only when some page uses Liquid, to keep start-up lean.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic.ts'
import { groupedDigits } from '../diagnostics/number-text.ts'
import type { ReadingOrder } from '../model/types.ts'
import { MAX_PAGE_BYTES } from '../load/read-page-text.ts'
import type { Page } from '../load/types.ts'

type LiquidModule = typeof import('liquidjs')
type Engine = InstanceType<LiquidModule['Liquid']>

let engine: Engine | null = null

/**
 * liquidjs's own limits, per page: a loop over `(-99999999..99999999)`
 * would otherwise fill the memory until Node dies, and nested loops of
 * millions of steps would run for hours. Real pages stay far below both.
 */
export const LIQUID_LIMITS = {
  /** Most milliseconds one page's Liquid may run. */
  renderLimit: 2000,
  /** Most items (range elements, characters of strings built) one page's Liquid may make. */
  memoryLimit: 10_000_000,
  /** Most characters of a page's Liquid source (pages are refused over this anyway). */
  parseLimit: MAX_PAGE_BYTES,
}

/** What each of liquidjs's limit errors means to an author. */
const LIMIT_MESSAGES: Record<string, string> = {
  'template render limit exceeded': `This page's Liquid ran for more than ${LIQUID_LIMITS.renderLimit / 1000} s, so it was stopped`,
  'memory alloc limit exceeded': `This page's Liquid would make more than ${groupedDigits(LIQUID_LIMITS.memoryLimit)} items (a range or a loop too large), so it was stopped`,
  'parse length limit exceeded': `This page is too long for Liquid (over ${groupedDigits(LIQUID_LIMITS.parseLimit)} characters)`,
}

/** True when `text` holds a Liquid tag or output. */
export function hasLiquid(text: string): boolean {
  return text.includes('{{') || text.includes('{%')
}

/** Loads liquidjs once; call before `renderLiquid`. */
export async function loadLiquid(): Promise<void> {
  if (engine) return
  const { Liquid } = await import('liquidjs')
  // Jekyll is lenient about undefined variables but not about unknown filters.
  // A fixed locale spares liquidjs a slow Intl lookup at start-up; dates are not used.
  engine = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    locale: 'en-US',
    ...LIQUID_LIMITS,
  })
}

/** What a page looks like to Liquid: its front matter plus `url`, as in Jekyll. */
export interface LiquidPage extends Record<string, unknown> {
  title: string
  class: string
  serial: number | null
  url: string
  id: string
}

export function liquidPage(page: Page, base: string): LiquidPage {
  return {
    ...page.front.data,
    title: page.front.title,
    class: page.front.kind,
    serial: page.front.serial,
    url: base + page.path,
    id: page.id,
  }
}

/** The `site` variable shared by every page of a course. */
export function liquidSite(order: ReadingOrder, base: string): Record<string, unknown> {
  const pages = order.pages.map((p) => liquidPage(p, base))
  return { [order.collection]: pages, pages, title: order.title, baseurl: base.replace(/\/$/, '') }
}

/**
 * Renders the Liquid in a page body. On a Liquid error, reports it at the
 * file line of the failing tag and returns null.
 */
export function renderLiquid(
  page: Page,
  site: Record<string, unknown>,
  base: string,
  diagnostics: Diagnostic[],
): string | null {
  if (!engine) throw new Error('renderLiquid called before loadLiquid')
  let out: string
  try {
    out = String(engine.parseAndRenderSync(page.body, { site, page: liquidPage(page, base) }))
  } catch (e) {
    const err = e as { token?: { getPosition?: () => number[] }; message?: string; originalError?: Error }
    const [line = 1, column = 1] = err.token?.getPosition?.() ?? []
    const message = (err.originalError?.message ?? err.message ?? String(e)).split(', line:')[0]!.replace(/\.$/, '')
    const limit = LIMIT_MESSAGES[message]
    diagnostics.push(
      error({
        code: limit ? 'liquid/limit' : 'liquid/error',
        message: limit ? `${limit}.` : `Liquid error: ${message}.`,
        file: page.file,
        line: page.bodyLine + line - 1,
        column,
        hint: limit
          ? 'Loop over fewer items: Liquid here is for listing the course’s pages, not for computing.'
          : 'Fix the tag, or wrap text that only looks like Liquid in {% raw %}…{% endraw %}.',
      }),
    )
    return null
  }
  if (out.length <= MAX_PAGE_BYTES) return out
  diagnostics.push(
    error({
      code: 'liquid/limit',
      message: `This page's Liquid makes it longer than ${groupedDigits(MAX_PAGE_BYTES)} characters.`,
      file: page.file,
      line: page.bodyLine + Math.max(0, page.body.split('\n').findIndex(hasLiquid)),
      column: 1,
      hint: 'Loop over fewer items, or split the page.',
    }),
  )
  return null
}

/**
 * Maps lines of Liquid output back to the source. Lines before the first tag
 * and after the last are copied through unchanged, so they map exactly; a line
 * in between maps to the first tag, the best place to look.
 */
export function liquidLineMap(source: string, output: string, bodyLine: number): (mdLine: number) => number {
  const src = source.split('\n')
  const out = output.split('\n')
  const firstTag = src.findIndex(hasLiquid)
  let lastTag = src.length - 1
  while (lastTag > 0 && !hasLiquid(src[lastTag]!)) lastTag--
  const tail = src.length - 1 - lastTag
  return (mdLine) => {
    if (mdLine < firstTag) return bodyLine + mdLine
    const fromEnd = out.length - mdLine
    if (fromEnd <= tail) return bodyLine + src.length - fromEnd
    return bodyLine + firstTag
  }
}
