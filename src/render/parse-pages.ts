/**
 * Stage 5, parse: every page's body parsed (parse-page.ts), each quiz
 * decoded on the way. Pages are parsed one by one, in the reading order the
 * outline gives, whether or not the outline has errors, so that every page's
 * own mistakes are reported in one run. liquidjs is loaded only when some
 * page uses Liquid. With a cache, a page is parsed again only when its text
 * or the course's shape has changed.
 */
import type { MarkdownIt } from 'markdown-it'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Page } from '../load/types.ts'
import { type CourseMessages, messagesOf } from '../messages/course-messages.ts'
import type { PageQuiz, ReadingOrder } from '../model/types.ts'
import { courseLookup } from './course-lookup.ts'
import { hasLiquid, liquidSite, loadLiquid } from './liquid.ts'
import { type ParsedPage, parsePage } from './parse-page.ts'
import type { SiteOptions } from './types.ts'

/** What each page gave, by page id, with the text and course shape it was parsed from; `dev` keeps one across builds. */
export type ParseCache = Map<
  string,
  { text: string; shape: string; parsed: ParsedPage | null; diagnostics: Diagnostic[] }
>

export interface ParseInput {
  /** The Markdown parser (markdown.ts); the render stage renders its tokens with it. */
  md: MarkdownIt
  /** The site's base path, how its pages write URLs, and whether it is an LMS package. */
  site: Pick<SiteOptions, 'base' | 'urls' | 'lms'>
  /** The interface's messages, for each page's language. */
  messages: CourseMessages
  /** Each page's source text by file path, to tell a page that has not changed. */
  texts: ReadonlyMap<string, string>
  cache: ParseCache | null
  /** Told after each page, with how many of how many are done. */
  progress?: ((done: number, total: number) => void) | undefined
}

export interface ParsedCourse {
  /** Each page parsed, by page id; a page whose Liquid failed is missing. */
  pages: Map<string, ParsedPage>
  /** Each parsed page's quiz, by page id. */
  quizzes: Map<string, PageQuiz>
  /** What parsing every page reported. */
  diagnostics: Diagnostic[]
}

/** Parses every page of `order`, in order, the unlisted ones last. */
export async function parsePages(order: ReadingOrder, input: ParseInput): Promise<ParsedCourse> {
  const all = [...order.pages, ...order.unlisted]
  const site = await liquidSiteFor(order, all, input.site.base)
  const lookup = courseLookup(all, input.site)
  const shape = input.cache ? courseShape(order, all, input.site) : ''
  const pages = new Map<string, ParsedPage>()
  const quizzes = new Map<string, PageQuiz>()
  const diagnostics: Diagnostic[] = []
  for (const page of all) {
    const text = input.texts.get(page.file) ?? ''
    const hit = input.cache?.get(page.id)
    // A page parses the same from the same text in a course of the same shape.
    const entry = hit && hit.text === text && hit.shape === shape ? hit : { text, shape, parsed: null, diagnostics: [] }
    if (entry !== hit) {
      entry.parsed = parsePage(input.md, page, lookup, site, entry.diagnostics, messagesOf(input.messages, page))
      input.cache?.set(page.id, entry)
    }
    diagnostics.push(...entry.diagnostics)
    // Two pages with one id is an error of the outline's; the first keeps it.
    if (!entry.parsed || pages.has(page.id)) continue
    pages.set(page.id, entry.parsed)
    quizzes.set(page.id, entry.parsed.quiz)
    input.progress?.(pages.size, all.length)
  }
  if (input.cache) forgetGone(input.cache, all)
  return { pages, quizzes, diagnostics }
}

/** Drops what the cache holds for pages the course no longer has. */
function forgetGone(cache: ParseCache, pages: readonly Page[]): void {
  const ids = new Set(pages.map((p) => p.id))
  for (const id of cache.keys()) if (!ids.has(id)) cache.delete(id)
}

/** Liquid's `site` variable, when some page uses Liquid (liquidjs is loaded then); else null. */
async function liquidSiteFor(
  order: ReadingOrder,
  pages: readonly Page[],
  base: string,
): Promise<Record<string, unknown> | null> {
  if (!pages.some((p) => hasLiquid(p.body))) return null
  await loadLiquid()
  return liquidSite(order, base)
}

/**
 * Everything besides a page's own text that parsing it reads: which pages
 * exist, where, with what front matter (Liquid's `site` lists them all), the
 * course title and the site options links depend on.
 */
export function courseShape(
  order: ReadingOrder,
  pages: readonly Page[],
  site: Pick<SiteOptions, 'base' | 'urls' | 'lms'>,
): string {
  return JSON.stringify([
    site.base,
    site.urls,
    site.lms,
    order.collection,
    order.title,
    pages.map((p) => [p.file, p.id, p.path, p.front.data]),
  ])
}
