/**
 * Stage 6, render: every parsed page's body rendered to HTML (render-page.ts),
 * with the quiz the parse stage decoded. The HTML tokenizer (html-scan.ts)
 * is loaded only when some page holds raw HTML. With a cache, a page is rendered
 * again only when the parse stage parsed it again.
 */
import type { MarkdownIt } from 'markdown-it'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Page } from '../load/types.ts'
import type { ParsedPage } from './parse-page.ts'
import { loadHtmlScanner } from './html-scan.ts'
import { hasRawHtml, type RenderedPage, renderPage } from './render-page.ts'

/** What each page rendered to, by page id, with the parse it was rendered from; `dev` keeps one across builds. */
export type RenderCache = Map<string, { from: ParsedPage; rendered: RenderedPage; diagnostics: Diagnostic[] }>

export interface RenderedCourse {
  /** Each page rendered, by page id, the index first. */
  pages: Map<string, RenderedPage>
  /** Ids of the pages this call rendered; with a cache, the others were rendered before. */
  renderedNow: string[]
  /** What rendering every page reported. */
  diagnostics: Diagnostic[]
}

/** Renders each of `pages` that `parsed` holds, in order. */
export async function renderPages(
  pages: readonly Page[],
  parsed: ReadonlyMap<string, ParsedPage>,
  md: MarkdownIt,
  cache: RenderCache | null = null,
  progress?: (done: number, total: number) => void,
): Promise<RenderedCourse> {
  if ([...parsed.values()].some(holdsRawHtml)) await loadHtmlScanner()
  const rendered = new Map<string, RenderedPage>()
  const renderedNow: string[] = []
  const diagnostics: Diagnostic[] = []
  for (const page of pages) {
    const from = parsed.get(page.id)
    if (!from || from.page !== page || rendered.has(page.id)) continue
    const quiz = from.quiz.quiz
    let entry = cache?.get(page.id)
    if (entry?.from !== from) {
      const own: Diagnostic[] = []
      entry = { from, rendered: renderPage(md, from, quiz, own), diagnostics: own }
      cache?.set(page.id, entry)
      renderedNow.push(page.id)
    }
    rendered.set(page.id, entry.rendered)
    diagnostics.push(...entry.diagnostics)
    progress?.(rendered.size, parsed.size)
  }
  if (cache) for (const id of cache.keys()) if (!rendered.has(id)) cache.delete(id)
  return { pages: rendered, renderedNow, diagnostics }
}

/** True when a page's body or quiz holds HTML the author wrote, which html-scan.ts reads. */
function holdsRawHtml(parsed: ParsedPage): boolean {
  const bank = parsed.quiz.quiz?.bank ?? []
  return hasRawHtml(parsed.tokens) || bank.some((s) => s.text.includes('<') || s.explanation.includes('<'))
}
