/**
 * Renders one page's body: Liquid (when it has any), Markdown with
 * coursemark's rules, its quiz, and the clean-up of legacy HTML.
 */
import type { MarkdownIt, Token } from 'markdown-it'
import type { Diagnostic } from '../diagnostics/diagnostic.ts'
import { readQuiz } from '../model/quiz-bank.ts'
import type { Page } from '../load/types.ts'
import type { Quiz } from '../model/types.ts'
import { replaceLegacyHtml, type IndexAction } from './legacy-html.ts'
import { hasLiquid, renderLiquid } from './liquid.ts'
import { runtimeQuiz } from './quiz-data.ts'
import { HEART_SVG } from './rules/heart.ts'
import type { CourseLookup, FoundHeading, FoundLink, RenderEnv } from './render-env.ts'

export interface RenderedPage {
  page: Page
  /** The body as HTML, without the layout around it. */
  html: string
  /** The page's quiz, when it has one. */
  quiz: Quiz | null
  /** True for `data-n="0"`. */
  noQuiz: boolean
  /** Index only: which of begin / continue / reset the author's own buttons provide. */
  actions: Set<IndexAction>
  /** Index only: whether the body has blocks standing for pages (`data-cm-link`). */
  hasOutline: boolean
  /** Whether the author wrote raw HTML: only then can the body hold scripts, handlers or styles to deal with. */
  rawHtml: boolean
  headings: FoundHeading[]
  links: FoundLink[]
}

/**
 * Renders `page`. `site` is Liquid's `site` variable (null when no page of
 * the course uses Liquid). Returns null when the page cannot be rendered at
 * all (a Liquid error); other problems are reported and rendering goes on.
 */
export function renderPage(
  md: MarkdownIt,
  page: Page,
  course: CourseLookup,
  site: Record<string, unknown> | null,
  diagnostics: Diagnostic[],
): RenderedPage | null {
  let body = page.body
  let line = (mdLine: number) => page.bodyLine + mdLine
  if (site && hasLiquid(body)) {
    const out = renderLiquid(page, site, course.base, diagnostics)
    if (out === null) return null
    line = liquidLineMap(page.body, out, page.bodyLine)
    body = out
  }

  const env: RenderEnv = {
    file: page.file,
    page,
    course,
    line,
    diagnostics,
    headingIds: new Map(),
    headings: [],
    links: [],
    quiz: null,
    quizJson: null,
  }
  const tokens = md.parse(body, env)

  let quiz: Quiz | null = null
  let noQuiz = false
  if (env.quiz) {
    const read = readQuiz(env.quiz.decl, env.quiz.items, diagnostics)
    quiz = read.quiz
    noQuiz = read.noQuiz
    if (quiz) env.quizJson = JSON.stringify(runtimeQuiz(quiz, md, env))
  }
  const html = md.renderer.render(tokens, md.options, env)
  const isIndex = page.front.kind === 'index'
  const rawHtml = hasRawHtml(tokens)
  const legacy = rawHtml
    ? replaceLegacyHtml(html, isIndex, page.file, page.body, page.bodyLine, diagnostics)
    : { html, actions: new Set<IndexAction>() }
  return {
    page,
    html: legacy.html,
    quiz,
    noQuiz,
    actions: legacy.actions,
    hasOutline: isIndex && legacy.html.includes('data-cm-link='),
    rawHtml,
    headings: env.headings,
    links: env.links,
  }
}

/** True when the tokens hold HTML the author wrote (hearts are ours). */
function hasRawHtml(tokens: Token[]): boolean {
  for (const t of tokens) {
    if (t.type === 'html_block') return true
    if (t.children) for (const c of t.children) if (c.type === 'html_inline' && c.content !== HEART_SVG) return true
  }
  return false
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
