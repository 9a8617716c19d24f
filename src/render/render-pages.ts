/**
 * Stage 5, render: every parsed page's body rendered to HTML (render-page.ts),
 * each quiz taken from the course. With a cache, a page is rendered again
 * only when the parse stage parsed it again.
 */
import type { MarkdownIt } from 'markdown-it'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import type { Page } from '../load/types.ts'
import type { Course, Quiz } from '../model/types.ts'
import type { ParsedPage } from './parse-page.ts'
import { type RenderedPage, renderPage } from './render-page.ts'

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

/** Renders every page of `course` that `parsed` holds, the index first. */
export function renderPages(
  course: Course,
  parsed: ReadonlyMap<string, ParsedPage>,
  md: MarkdownIt,
  cache: RenderCache | null = null,
): RenderedCourse {
  const pages = new Map<string, RenderedPage>()
  const renderedNow: string[] = []
  const diagnostics: Diagnostic[] = []
  for (const [page, quiz] of pagesWithQuizzes(course)) {
    const from = parsed.get(page.id)
    if (!from) continue
    let entry = cache?.get(page.id)
    if (entry?.from !== from) {
      const own: Diagnostic[] = []
      entry = { from, rendered: renderPage(md, from, quiz, own), diagnostics: own }
      cache?.set(page.id, entry)
      renderedNow.push(page.id)
    }
    pages.set(page.id, entry.rendered)
    diagnostics.push(...entry.diagnostics)
  }
  if (cache) for (const id of cache.keys()) if (!pages.has(id)) cache.delete(id)
  return { pages, renderedNow, diagnostics }
}

/** The index (which has no quiz), then each chapter and section with its quiz. */
function pagesWithQuizzes(course: Course): [Page, Quiz | null][] {
  return [[course.index, null], ...course.sequence.map((e): [Page, Quiz | null] => [e.page, e.quiz])]
}
